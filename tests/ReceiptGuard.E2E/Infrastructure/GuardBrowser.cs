using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReceiptGuard.Testing;

namespace ReceiptGuard.E2E.Infrastructure;

/// <summary>
/// One real Chromium with the built extension loaded, the real host process on a loopback port and the fixture shop
/// server, shared by the tests of a collection. The extension is pointed at the host and the generic rule enabled
/// for the fixtures' generic shop (http://localhost) through its own options page, as a user would.
/// </summary>
public sealed class GuardBrowser : IAsyncLifetime
{
    public const string GenericSite = "http://localhost";

    private static readonly bool Tracing = Environment.GetEnvironmentVariable("RECEIPTGUARD_TRACE") == "1";

    private BrowserSession _session = null!;

    public HostProcess Host { get; private set; } = null!;

    public ShopServer Shops { get; private set; } = null!;

    public IBrowserContext Context => _session.Context;

    public BrowserSession Session => _session;

    public HttpClient HostApi { get; private set; } = null!;

    public string ExtensionId => _session.ExtensionId!;

    public async Task InitializeAsync()
    {
        Host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, RepositoryPaths.NewTempDirectory("host-data"));
        HostApi = new HttpClient { BaseAddress = Host.BaseAddress };
        Shops = await ShopServer.StartAsync();
        _session = await BrowserSession.LaunchAsync(Shops.Port);
        // Playwright traces cost about a second per test: recorded only when asked for (RECEIPTGUARD_TRACE=1).
        if (Tracing)
        {
            await Context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true });
        }
        await _session.ConfigureHostUrlAsync(Host.BaseAddress);
        await _session.EnableGenericSiteAsync(GenericSite);
    }

    /// <summary>Runs a test step on a new page; on failure keeps screenshots, a Playwright trace and the host log.</summary>
    public async Task RunAsync(string name, Func<IPage, Task> test)
    {
        var artifacts = Path.Combine(RepositoryPaths.Artifacts, "e2e");
        var safeName = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        if (Tracing)
        {
            await Context.Tracing.StartChunkAsync(new() { Title = name });
        }

        var page = await Context.NewPageAsync();
        try
        {
            await test(page);
            if (Tracing)
            {
                await Context.Tracing.StopChunkAsync();
            }
        }
        catch
        {
            Directory.CreateDirectory(artifacts);
            var n = 0;
            foreach (var open in Context.Pages.Where(p => !p.IsClosed).ToList())
            {
                try
                {
                    await open.ScreenshotAsync(new() { Path = Path.Combine(artifacts, $"{safeName}-{n++}.png") });
                }
                catch (PlaywrightException)
                {
                    // A page that is navigating or closing has no picture to give; the trace still has it.
                }
            }

            if (Tracing)
            {
                await Context.Tracing.StopChunkAsync(new() { Path = Path.Combine(artifacts, $"{safeName}.trace.zip") });
            }

            await File.WriteAllTextAsync(Path.Combine(artifacts, $"{safeName}.host.log"), Host.Output);
            throw;
        }
        finally
        {
            foreach (var open in Context.Pages.ToList())
            {
                await open.CloseAsync();
            }
        }
    }

    public static Uri ShopUrl(string host, string pathAndQuery) => new($"http://{host}{pathAndQuery}");

    /// <summary>Snapshots stored by the host, newest first.</summary>
    public async Task<JsonArray> SnapshotsAsync() =>
        (await HostApi.GetFromJsonAsync<JsonObject>("/api/snapshots?limit=200"))!["items"]!.AsArray();

    /// <summary>Waits until the host holds a snapshot matching the predicate (delivery is asynchronous).</summary>
    public async Task<JsonObject> WaitForSnapshotAsync(Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = (await SnapshotsAsync()).Select(n => n!.AsObject()).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no matching snapshot reached the host; it holds: {(await SnapshotsAsync()).ToJsonString()}");
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        HostApi?.Dispose();
        if (Shops is not null)
        {
            await Shops.DisposeAsync();
        }

        if (Host is not null)
        {
            await Host.DisposeAsync();
            Directory.Delete(Host.DataDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GuardBrowserGroup : ICollectionFixture<GuardBrowser>
{
    public const string Name = "guard browser";
}
