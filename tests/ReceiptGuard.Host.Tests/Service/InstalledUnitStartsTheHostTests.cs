using System.Diagnostics;
using System.Text;
using ReceiptGuard.Host.Cli;
using ReceiptGuard.Host.Service;
using ReceiptGuard.Testing;

namespace ReceiptGuard.Host.Tests.Service;

/// <summary>
/// The unit's ExecStart line, read back the way systemd splits it and run as a process (from another working folder,
/// as systemd would), starts a host that answers /api/health: the unit really starts this host.
/// </summary>
public sealed class InstalledUnitStartsTheHostTests : IDisposable
{
    private readonly string _work = TempDirectory.Create("service-run");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task The_installed_ExecStart_line_starts_a_host_that_answers_health()
    {
        var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "/usr/bin/dotnet";
        var machine = new ServiceEnvironment((data, urls) => HostLaunch.For(dotnet, RepositoryPaths.HostAssembly, data, urls, null), null, Path.Combine(_work, "units"), _work, ServicePlatform.Linux);
        var data = Path.Combine(_work, "data 100% $HOME");
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            var code = await ServiceCommands.InstallAsync(CommandLine.Parse(["install-service", "--data", data, "--urls", url, "--no-start"]), output, error, machine);
            Assert.True(code == 0, error.ToString());
        }

        var unit = File.ReadAllLines(Path.Combine(_work, "units", SystemdUnit.FileName));
        var words = CommandLineReaders.SystemdExecStart(unit.Single(line => line.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..]);
        var start = new ProcessStartInfo(words[0])
        {
            WorkingDirectory = Directory.CreateDirectory(Path.Combine(_work, "elsewhere")).FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var word in words.Skip(1))
        {
            start.ArgumentList.Add(word);
        }

        using var host = Process.Start(start)!;
        var said = new StringBuilder();
        host.OutputDataReceived += (_, e) => { lock (said) { said.AppendLine(e.Data); } };
        host.ErrorDataReceived += (_, e) => { lock (said) { said.AppendLine(e.Data); } };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(45);
            string? health = null;
            while (health is null && DateTime.UtcNow < deadline && !host.HasExited)
            {
                try
                {
                    health = await client.GetStringAsync("/api/health");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            Assert.True(health is not null, $"no answer from {url}/api/health; the host said:\n{said}");
            Assert.Contains("\"status\":\"ok\"", health, StringComparison.Ordinal);
            // The data folder with its %, $ and space arrived unchanged.
            Assert.True(File.Exists(Path.Combine(data, "receiptguard.db")), $"no store in {data}; the host said:\n{said}");
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
