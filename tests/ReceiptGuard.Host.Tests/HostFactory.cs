using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ReceiptGuard.Host.Cli;

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

    /// <summary>A SignalR client that talks to this in-memory server (long polling through the test handler).</summary>
    public HubConnection CreateHubConnection() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "/hubs/guard"), options =>
            {
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
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
