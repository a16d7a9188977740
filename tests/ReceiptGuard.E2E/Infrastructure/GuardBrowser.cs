using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReceiptGuard.Testing;

namespace ReceiptGuard.E2E.Infrastructure;

/// <summary>
/// One real Chromium with the built extension loaded, the real host process on a loopback port and the fixture shop
/// server, shared by the tests of a collection. The extension is pointed at the host through its own options page.
/// </summary>
public sealed class GuardBrowser : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private readonly string _profile = Paths.NewTempDirectory("profile");

    public HostProcess Host { get; private set; } = null!;

    public ShopServer Shops { get; private set; } = null!;

    public IBrowserContext Context { get; private set; } = null!;

    public HttpClient HostApi { get; private set; } = null!;

    public string ExtensionId { get; } = Infrastructure.ExtensionId.FromManifest(Path.Combine(Paths.ExtensionDist, "manifest.json"));

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Paths.ExtensionDist, "manifest.json")))
        {
            throw new InvalidOperationException($"{Paths.ExtensionDist} is not built: run 'npm run build' first.");
        }

        Host = await HostProcess.StartAsync(Paths.HostAssembly, Paths.NewTempDirectory("host-data"));
        HostApi = new HttpClient { BaseAddress = Host.BaseAddress };
        Shops = await ShopServer.StartAsync();
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();

        var mapRules = string.Join(", ", Shops.HostPatterns.Select(p => $"MAP {p} 127.0.0.1:{Shops.Port}"));
        Context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new()
        {
            ExecutablePath = Chromium.ExecutablePath(),
            Headless = true,
            Locale = "en-US",
            Args =
            [
                $"--disable-extensions-except={Paths.ExtensionDist}",
                $"--load-extension={Paths.ExtensionDist}",
                // Shop pages are served from loopback under their real names, on the default port...
                $"--host-resolver-rules={mapRules}",
                // ...and treated as public pages, so Local Network Access applies to them as on the real sites.
                $"--ip-address-space-overrides=127.0.0.1:{Shops.Port}=public",
                "--lang=en-US",
                "--disable-component-update",
                "--no-first-run",
            ],
        });
        await Context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true });
        await ConfigureHostUrlAsync(Host.BaseAddress);
    }

    /// <summary>Sets the host address the way a user does: on the extension's options page.</summary>
    public async Task ConfigureHostUrlAsync(Uri hostUrl)
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync($"chrome-extension://{ExtensionId}/options.html");
        await page.FillAsync("#host-url", hostUrl.GetLeftPart(UriPartial.Authority));
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#host-status")).ToHaveAttributeAsync("data-state", "ok");
        await page.CloseAsync();
    }

    /// <summary>Runs a test step on a new page; on failure keeps a screenshot and a Playwright trace.</summary>
    public async Task RunAsync(string name, Func<IPage, Task> test)
    {
        await Context.Tracing.StartChunkAsync(new() { Title = name });
        var page = await Context.NewPageAsync();
        try
        {
            await test(page);
            await Context.Tracing.StopChunkAsync();
        }
        catch
        {
            Directory.CreateDirectory(Paths.Artifacts);
            foreach (var open in Context.Pages.Where(p => !p.IsClosed))
            {
                await open.ScreenshotAsync(new() { Path = Path.Combine(Paths.Artifacts, $"{name}-{Context.Pages.ToList().IndexOf(open)}.png") });
            }

            await Context.Tracing.StopChunkAsync(new() { Path = Path.Combine(Paths.Artifacts, $"{name}.trace.zip") });
            await File.WriteAllTextAsync(Path.Combine(Paths.Artifacts, $"{name}.host.log"), Host.Output);
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
        if (Context is not null)
        {
            await Context.CloseAsync();
        }

        _playwright?.Dispose();
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

        Directory.Delete(_profile, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class GuardBrowserGroup : ICollectionFixture<GuardBrowser>
{
    public const string Name = "guard browser";
}
