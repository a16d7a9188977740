using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ReceiptGuard.Host.Cli;
using ReceiptGuard.Host.Pairing;

namespace ReceiptGuard.Host.Tests;

/// <summary>The real host in memory, with its own empty data folder (a real SQLite file) per instance.</summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    public HostFactory()
        : this(TempDirectory.Create("host-tests"))
    {
    }

    /// <param name="settings">Extra configuration, e.g. <c>ReceiptGuard:MaxSnapshotBytes</c>.</param>
    public HostFactory(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        DataDirectory = dataDirectory;
        _token = new Lazy<string>(Pair);
        _settings = settings ?? new Dictionary<string, string>();
    }

    public string DataDirectory { get; }

    /// <summary>Changes to the host's services, e.g. leaving out a background worker.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(ReceiptGuardDefaults.DataDirectoryKey, DataDirectory);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
        if (TestServices is { } change)
        {
            builder.ConfigureTestServices(change);
        }
    }

    private readonly Lazy<string> _token;

    /// <summary>
    /// The bearer token of an extension paired through the real pairing service (a code made and claimed) the first
    /// time a client is asked for: every <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> client carries it.
    /// </summary>
    public string Token => _token.Value;

    private string Pair()
    {
        var codes = Services.GetRequiredService<PairingCodes>();
        var store = Services.GetRequiredService<PairingStore>();
        // Off xUnit's synchronisation context: the store's awaits must not wait for this blocked thread.
        return Task.Run(async () =>
        {
            var code = codes.Create();
            if (codes.Claim(code.Code) != CodeCheck.Accepted)
            {
                throw new InvalidOperationException("the test pairing code was refused");
            }

            return (await store.PairAsync("host tests", "chrome-extension://host-tests")).Token;
        }).GetAwaiter().GetResult();
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
    }

    /// <summary>A client with no credential at all, as a web page or another program would call.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client that is the review UI: it loaded a UI page and keeps the session cookie it was given.</summary>
    public async Task<HttpClient> CreateUiClientAsync()
    {
        var client = CreateAnonymousClient();
        using var page = await client.GetAsync("/settings");
        page.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>A SignalR client that talks to this in-memory server (long polling through the test handler).</summary>
    public HubConnection CreateHubConnection() => CreateHubConnection(() => Task.FromResult<string?>(Token));

    /// <summary>The same with the given token (null: none).</summary>
    public HubConnection CreateHubConnection(Func<Task<string?>> token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "/hubs/guard"), options =>
            {
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                options.AccessTokenProvider = token;
            })
            .AddJsonProtocol(options =>
                options.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)))
            .Build();
}

public static class TempDirectory
{
    /// <summary>A new folder under TMPDIR (the test scripts point it into the work tree).</summary>
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), "receiptguard-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
