using System.Diagnostics;
using ReceiptGuard.Testing;

namespace ReceiptGuard.Bench;

/// <summary>Cold start (process start → first healthy response) and idle memory of the real host, fresh data folder each run.</summary>
public static class StartupBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        Console.WriteLine($"startup: {settings.StartupRuns} cold starts");
        var starts = new List<double>();
        var resident = new List<double>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        for (var run = 0; run < settings.StartupRuns; run++)
        {
            var port = HostProcess.FreePort();
            var health = new Uri($"http://127.0.0.1:{port}/api/health");
            await using var host = HostProcess.Launch(settings.HostAssembly, settings.NewDataDirectory(), port);
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    using var response = await http.GetAsync(health);
                    if (response.IsSuccessStatusCode)
                    {
                        starts.Add(host.SinceLaunch.Elapsed.TotalMilliseconds);
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                if (host.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException($"the host did not become healthy:\n{host.Output}");
                }

                await Task.Delay(5);
            }

            // Idle: started, answered once, nothing else to do.
            await Task.Delay(settings.IdleSettle);
            resident.Add(host.ResidentBytes() / 1024.0 / 1024.0);
        }

        var coldStart = Stats.Median(starts);
        var idle = Stats.Median(resident);
        return
        [
            BenchResult.Of("host cold start (process start → first healthy response), median", coldStart, "ms", "≤ 1000 ms", coldStart <= 1000),
            BenchResult.Of("host idle memory (RSS after start-up), median", idle, "MB", "≤ 100 MB", idle <= 100),
        ];
    }
}
