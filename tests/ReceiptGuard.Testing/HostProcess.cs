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
    public static async Task<HostProcess> StartAsync(string hostAssembly, string dataDirectory, int port = 0, IReadOnlyDictionary<string, string>? environment = null)
    {
        var host = Launch(hostAssembly, dataDirectory, port, environment);
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

    /// <summary>
    /// A one-time pairing code, got the way the review UI gets one: load a UI page (which sets the UI's session
    /// cookie), then POST /api/pairing/codes with it, from the host's own origin.
    /// </summary>
    public async Task<string> NewPairingCodeAsync()
    {
        using var ui = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        (await ui.GetAsync("/settings")).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pairing/codes");
        request.Headers.Add("Origin", BaseAddress.GetLeftPart(UriPartial.Authority));
        using var response = await ui.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"the host gave no pairing code: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
    }

    /// <summary>
    /// An HttpClient paired with this host through the real flow (a code from the UI, claimed at /api/pairing/claim):
    /// every request carries its bearer token. <paramref name="handler"/> for tuned connection pools.
    /// </summary>
    /// <summary>
    /// Pairs once and makes clients that all carry that credential, for code that creates its own clients (the load
    /// run makes one per run with as many connections as it has clients).
    /// </summary>
    public async Task<Func<int, HttpClient>> PairedClientFactoryAsync(string name = "tests", TimeSpan? timeout = null)
    {
        using var paired = await PairAsync(name);
        var credential = paired.DefaultRequestHeaders.Authorization;
        return connections =>
        {
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = credential;
            return client;
        };
    }

    public async Task<HttpClient> PairAsync(string name = "tests", HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        var code = await NewPairingCodeAsync();
        string token;
        using (var claimer = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) })
        using (var body = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { code, name }), Encoding.UTF8, "application/json"))
        using (var response = await claimer.PostAsync("/api/pairing/claim", body))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"pairing failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            token = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        }

        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = BaseAddress;
        client.Timeout = timeout ?? TimeSpan.FromSeconds(100);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
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
