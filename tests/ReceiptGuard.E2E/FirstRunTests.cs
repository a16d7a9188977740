using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.E2E.Pages;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>
/// A new user's first run through the options page's walkthrough, in a fresh profile: the extension opens it by itself
/// on install; the host step follows the host's address, the pairing step takes the code, the summary follows both,
/// and then a guarded click's snapshot is stored. With no host at the address, the host step says so and shows the
/// commands that start one.
/// </summary>
public sealed class FirstRunTests : IAsyncLifetime
{
    private static readonly Uri ListPage = GuardBrowser.ShopUrl("buyertrade.taobao.com", "/trade/itemlist/list_bought_items.htm");

    private HostProcess _host = null!;
    private ShopServer _shops = null!;
    private BrowserSession _browser = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, RepositoryPaths.NewTempDirectory("firstrun-host"), HostProcess.FreePort());
        _api = await _host.PairAsync("first run test observer");
        _shops = await ShopServer.StartAsync();
        _browser = await BrowserSession.LaunchAsync(_shops.Port);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _shops.DisposeAsync();
        _api.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Walkthrough_opens_on_install_then_host_pairing_and_a_guarded_click_reach_the_host()
    {
        var context = _browser.Context;
        var start = new WalkthroughPage(await WelcomePageAsync());
        Assert.EndsWith("/options.html#start", start.Page.Url, StringComparison.Ordinal);
        await Expect(start.Page.Locator("#start-heading")).ToBeFocusedAsync();

        // The host runs on a test port, not the default one: the host step says nothing answers there.
        await start.ExpectStepAsync("host", "problem");
        await start.SetHostUrlAsync(_host.BaseAddress.GetLeftPart(UriPartial.Authority));

        // The new address is checked at once: host done, pairing to do; Chromium granted the sites at install.
        await start.ExpectStepAsync("host", "done");
        await Expect(start.StepStatus("host")).ToContainTextAsync(_host.BaseAddress.GetLeftPart(UriPartial.Authority));
        await start.ExpectStepAsync("pair", "todo");
        await start.ExpectStepAsync("sites", "done");
        await Expect(start.Page.Locator("#allow-sites")).ToBeHiddenAsync();
        await Expect(start.Page.Locator("#platforms-summary")).ToHaveTextAsync("All 12 platforms guarded.");
        await start.ExpectStepAsync("screenshots", "todo");
        await Expect(start.Summary).ToHaveTextAsync("2 of 4 done");

        // The popup, meanwhile, sends an unpaired user to the walkthrough.
        var popup = await context.NewPageAsync();
        await popup.GotoAsync(_browser.ExtensionPage("popup.html"));
        await Expect(popup.Locator("#finish-setup")).ToBeVisibleAsync();
        await Expect(popup.Locator("#finish-setup a")).ToHaveAttributeAsync("href", "options.html#start");

        // A code from the host, typed into the pairing step: the step and the summary change without a reload.
        await start.PairAsync(await _host.NewPairingCodeAsync());
        await start.ExpectStepAsync("pair", "done");
        await Expect(start.Summary).ToHaveTextAsync("All set: open an order page and click 确认收货.");
        await Expect(start.Summary).ToHaveAttributeAsync("data-all-set", "true");
        await Expect(start.Step("pair").Locator("[data-step-badge]")).ToHaveTextAsync("Done");
        await SaveScreenshotAsync(start.Page, "extension-get-started.png", 1100, 900);

        // Paired and connected: the popup no longer asks to finish setting up.
        await Expect(popup.Locator("#host-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });
        await Expect(popup.Locator("#finish-setup")).ToBeHiddenAsync();

        // The first guarded click, confirmed: its snapshot is stored on the host.
        // Opened from the extension, which learns the tab's id that way (it may not read other tabs' addresses).
        var opened = context.WaitForPageAsync();
        var tabId = await popup.EvaluateAsync<int>("url => chrome.tabs.create({ url }).then(tab => tab.id)", ListPage.ToString());
        var shop = await opened;
        await shop.WaitForURLAsync(ListPage.ToString());
        await Expect(shop.Locator("[data-receiptguard=\"guarded\"]")).ToHaveCountAsync(2);

        // The popup for that tab: the guard holds both controls, the host is connected, nothing waits.
        await popup.GotoAsync(_browser.ExtensionPage($"popup.html?tab={tabId}"));
        await Expect(popup.Locator("#guard-status")).ToContainTextAsync("2");
        await Expect(popup.Locator("#host-state")).ToHaveAttributeAsync("data-state", "connected");
        await SaveScreenshotAsync(popup, "extension-popup.png", 380, 360);
        await shop.ClickAsync("a.confirm-link");
        await Expect(shop.Locator(DialogDriver.Open)).ToBeVisibleAsync();
        await DialogDriver.ConfirmAsync(shop);
        await shop.WaitForURLAsync("**/trade/confirmGoods.htm?**");
        var stored = await WaitForSnapshotAsync();
        Assert.Equal("confirmed", stored["decision"]!.GetValue<string>());
        Assert.Equal(ListPage.ToString(), stored["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_no_host_at_the_address_the_host_step_shows_the_problem_and_the_commands()
    {
        var start = new WalkthroughPage(await WelcomePageAsync());
        var nobody = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await start.SetHostUrlAsync(nobody);

        await start.ExpectStepAsync("host", "problem");
        await Expect(start.Step("host").Locator("[data-step-badge]")).ToHaveTextAsync("Problem");
        await Expect(start.StepStatus("host")).ToContainTextAsync($"No host answers at {nobody}");
        await Expect(start.StepStatus("host")).ToHaveAttributeAsync("data-state", "error");
        await Expect(start.Command("source")).ToHaveTextAsync("npm start");
        await Expect(start.Command("package")).ToHaveTextAsync("./ReceiptGuard.Host");
        await Expect(start.Command("windows")).ToHaveTextAsync("ReceiptGuard.Host.exe");
        await Expect(start.Command("service")).ToHaveTextAsync("ReceiptGuard.Host install-service");
        await Expect(start.Summary).ToHaveTextAsync("1 of 4 done");

        // The user starts a host at that address and presses "Check again": nothing else would tell an unpaired page.
        var port = new Uri(nobody).Port;
        await using var started = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, RepositoryPaths.NewTempDirectory("firstrun-second-host"), port);
        await start.ExpectStepAsync("host", "problem");
        await start.Page.ClickAsync("#host-check");
        await start.ExpectStepAsync("host", "done");
        await Expect(start.StepStatus("host")).ToContainTextAsync($"The host is running at {nobody}");
        await Expect(start.Summary).ToHaveTextAsync("2 of 4 done");
    }

    /// <summary>For the README (artifacts/screenshots/, copied by hand to docs/screenshots/): the top of the page, in English.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name, int width, int height)
    {
        await page.SetViewportSizeAsync(width, height);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var folder = Path.Combine(RepositoryPaths.Artifacts, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length > 5_000, $"{name} looks empty");
    }

    /// <summary>The options page the extension opened by itself when it was installed in the fresh profile.</summary>
    private async Task<IPage> WelcomePageAsync()
    {
        var options = _browser.ExtensionPage("options.html");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var page = _browser.Context.Pages.FirstOrDefault(p => p.Url.StartsWith(options, StringComparison.Ordinal));
            if (page is not null)
            {
                await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
                return page;
            }

            Assert.True(DateTime.UtcNow < deadline, "the extension did not open its options page on install: " + string.Join(", ", _browser.Context.Pages.Select(p => p.Url)));
            await Task.Delay(100);
        }
    }

    private async Task<JsonObject> WaitForSnapshotAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var items = (await _api.GetFromJsonAsync<JsonObject>("/api/snapshots?limit=10"))!["items"]!.AsArray();
            if (items.Count > 0)
            {
                return items[0]!.AsObject();
            }

            Assert.True(DateTime.UtcNow < deadline, $"no snapshot reached the host:\n{_host.Output}");
            await Task.Delay(200);
        }
    }
}
