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
public class GuardBrowser : IAsyncLifetime
{
    public const string GenericSite = "http://localhost";

    private static readonly bool Tracing = Environment.GetEnvironmentVariable("RECEIPTGUARD_TRACE") == "1";

    private BrowserSession _session = null!;

    private int _hostPort;
    private string _hostData = null!;

    public HostProcess Host { get; private set; } = null!;

    /// <summary>Whether the extension already holds &lt;all_urls&gt; (screenshots allowed).</summary>
    protected virtual bool GrantAllSites => false;

    /// <summary>Pages made in memory for the shop server ("host/path" → HTML).</summary>
    protected virtual IReadOnlyDictionary<string, string>? GeneratedPages => null;

    public ShopServer Shops { get; private set; } = null!;

    public IBrowserContext Context => _session.Context;

    public BrowserSession Session => _session;

    public HttpClient HostApi { get; private set; } = null!;

    public string ExtensionId => _session.ExtensionId!;

    public async Task InitializeAsync()
    {
        // A port of our own, so the host can be stopped and started again at the address the extension knows.
        _hostPort = HostProcess.FreePort();
        _hostData = RepositoryPaths.NewTempDirectory("host-data");
        Host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, _hostData, _hostPort);
        HostApi = await Host.PairAsync("e2e tests");
        Shops = await ShopServer.StartAsync(GeneratedPages);
        _session = await BrowserSession.LaunchAsync(Shops.Port, grantAllSites: GrantAllSites);
        // Playwright traces cost about a second per test: recorded only when asked for (RECEIPTGUARD_TRACE=1).
        if (Tracing)
        {
            await Context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true });
        }
        await _session.ConfigureHostUrlAsync(Host.BaseAddress);
        await _session.PairExtensionAsync(Host);
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

    /// <summary>Stops the host as a crash or a shutdown would; the extension keeps its address.</summary>
    public Task StopHostAsync() => Host.KillAsync();

    /// <summary>Starts the host again on the same port and data folder.</summary>
    public async Task StartHostAsync()
    {
        await Host.DisposeAsync();
        Host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, _hostData, _hostPort);
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
            JsonObject? found = null;
            try
            {
                found = (await SnapshotsAsync()).Select(n => n!.AsObject()).FirstOrDefault(match);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // The host is (re)starting.
            }

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

/// <summary>The same set-up, with the screenshot permission granted, for the evidence tests.</summary>
public sealed class EvidenceBrowser : GuardBrowser
{
    /// <summary>Hidden: a browser takes tens of seconds to lay out 10 MB of visible text, and transport is what is tested.</summary>
    public const string PayloadStart = "<pre id=\"payload\" hidden>";

    public static readonly Uri LargePage = ShopUrl("buyertrade.taobao.com", "/evidence/large.html");

    /// <summary>
    /// About 10.5 MB of order text (UTF-8) in long lines (a browser lays out many short lines slowly), with nothing in
    /// it that HTML would escape.
    /// </summary>
    private static readonly string Payload = string.Concat(Enumerable.Range(0, 17_000).Select(i =>
        string.Concat(Enumerable.Range(0, 10).Select(j => $"{i:D6}-{j} 订单 {((long)i * 10 + j) * 7919 % 1_000_003:D7} 卖家已发货 运输中 abcdefghij ")) + "\n"));

    public static readonly string PayloadSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Payload)));

    protected override bool GrantAllSites => true;

    protected override IReadOnlyDictionary<string, string> GeneratedPages { get; } = new Dictionary<string, string>
    {
        [$"{LargePage.Host}{LargePage.AbsolutePath}"] =
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>大页面</title></head><body>" +
            "<p><a class=\"confirm\" href=\"/trade/confirmGoods.htm?biz_order_id=4099999999999999999\">确认收货</a></p>" +
            PayloadStart + Payload + "</pre></body></html>",
    };
}

[CollectionDefinition(Name)]
public sealed class EvidenceBrowserGroup : ICollectionFixture<EvidenceBrowser>
{
    public const string Name = "evidence browser";
}

[CollectionDefinition(Name)]
public sealed class GuardBrowserGroup : ICollectionFixture<GuardBrowser>
{
    public const string Name = "guard browser";
}
