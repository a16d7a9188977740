using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ReceiptGuard.Testing;

/// <summary>The real host executable (ReceiptGuard.Host.dll run by dotnet) on a loopback port, with its own data folder.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>The line the host prints once it listens (see host/Cli/RunCommand.cs).</summary>
    public const string Banner = "ReceiptGuard host listening on ";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process, string dataDirectory, Stopwatch sinceLaunch)
    {
        _process = process;
        DataDirectory = dataDirectory;
        SinceLaunch = sinceLaunch;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string DataDirectory { get; }

    public int ProcessId => _process.Id;

    /// <summary>Started just before the process was.</summary>
    public Stopwatch SinceLaunch { get; }

    /// <summary>Everything the host printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host and returns at once; see <see cref="WaitForBannerAsync"/>.</summary>
    public static HostProcess Launch(string hostAssembly, string dataDirectory, int port = 0, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(hostAssembly))
        {
            throw new FileNotFoundException($"the host is not built: {hostAssembly}", hostAssembly);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { hostAssembly, "run", "--urls", $"http://127.0.0.1:{port}", "--data", dataDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the host");
        var host = new HostProcess(process, dataDirectory, clock);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => host._listening.TrySetException(
            new InvalidOperationException($"the host exited with code {process.ExitCode}:\n{host.Output}"));
        return host;
    }

    /// <summary>Starts the host and waits until it listens.</summary>
    public static async Task<HostProcess> StartAsync(string hostAssembly, string dataDirectory, int port = 0)
    {
        var host = Launch(hostAssembly, dataDirectory, port);
        try
        {
            await host.WaitForBannerAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    public async Task<Uri> WaitForBannerAsync(TimeSpan timeout)
    {
        BaseAddress = await _listening.Task.WaitAsync(timeout);
        return BaseAddress;
    }

    /// <summary>A port that was free a moment ago, for tests that must know the address before the host starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Resident memory of the host process, from /proc (Linux).</summary>
    public long ResidentBytes()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        var line = status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return kb * 1024;
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Asks the host to stop (SIGTERM, as a service manager or Ctrl+C would) and waits for it to exit.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>Waits for the host to exit by itself (e.g. refusing to start).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>Ends the host abruptly (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var at = line.IndexOf(Banner, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(new Uri(line[(at + Banner.Length)..].Trim()));
        }
    }
}
