using ReceiptGuard.Testing;

namespace ReceiptGuard.Bench;

/// <summary>
/// The real host process on loopback under 200 concurrent clients, each posting a snapshot and listing snapshots,
/// orders and search results in turn (<see cref="LoadRun"/>, the same mix as the e2e load test), bounded by a request
/// count and 60 s. Baseline in the same run: GET /api/health from as many clients, which measures the server, the
/// loopback and the client itself, none of the store.
/// </summary>
public static class LoadBenchmark
{
    private const int Clients = 200;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var requests = settings.LoadRequests;
        Console.WriteLine($"load: {requests} requests from {Clients} clients, then /api/health as the baseline");
        // One paired credential for all 200 clients, so they share one rate-limit bucket: this measures serving, not
        // the limiter, so the bucket is made large enough for the whole run (the health baseline reaches ~8,000/s).
        var unlimited = new Dictionary<string, string>
        {
            ["ReceiptGuard__RateLimit__TokenLimit"] = "1000000",
            ["ReceiptGuard__RateLimit__TokensPerPeriod"] = "1000000",
        };
        await using var host = await HostProcess.StartAsync(settings.HostAssembly, settings.NewDataDirectory(), environment: unlimited);
        var createClient = await host.PairedClientFactoryAsync("bench");

        // Untimed warm-up, so the JIT has tiered up as in a host that has been running a while.
        await LoadRun.RunAsync(createClient, Clients, requests / 5, TimeSpan.FromSeconds(30));
        var health = await LoadRun.RunAsync(createClient, Clients, requests, TimeSpan.FromSeconds(60), ["/api/health"]);
        var load = await LoadRun.RunAsync(createClient, Clients, requests, TimeSpan.FromSeconds(60));
        foreach (var latency in load.Latencies.Append(health.All))
        {
            Console.WriteLine($"  {latency}");
        }

        if (load.Errors.Count > 0 || health.Errors.Count > 0)
        {
            throw new InvalidOperationException($"load run had errors: {string.Join("; ", load.Errors.Concat(health.Errors).Take(5))}");
        }

        var what = $"{Clients} concurrent clients, {load.Requests} requests (¼ POST /api/snapshots, ¾ GET snapshots/orders/search), {Environment.ProcessorCount} cores";
        var baseline = $"GET /api/health, {Clients} clients";
        return
        [
            BenchResult.Against($"load: p50 latency, {what}", load.All.P50, "ms", baseline, health.All.P50),
            BenchResult.Against($"load: p95 latency, {what}", load.All.P95, "ms", baseline, health.All.P95),
            BenchResult.Against($"load: p99 latency, {what}", load.All.P99, "ms", baseline, health.All.P99, "0 errors", load.Errors.Count == 0),
            BenchResult.Against($"load: throughput, {what}", load.Requests / load.Elapsed.TotalSeconds, "requests/s", baseline, health.Requests / health.Elapsed.TotalSeconds),
        ];
    }
}
