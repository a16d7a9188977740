using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>
/// Onboarding as a user does it, in a fresh profile with a fresh host: nothing reaches the host before pairing; the
/// host's Settings page makes a code, the extension's options page takes it, and a guarded click's snapshot is stored.
/// Then the extension is revoked in the UI: the next capture stays in the extension's outbox (not lost, not stored),
/// the options page says it was revoked, and pairing again delivers it.
/// </summary>
public sealed class PairingOnboardingTests : IAsyncLifetime
{
    private static readonly Uri ListPage = GuardBrowser.ShopUrl("buyertrade.taobao.com", "/trade/itemlist/list_bought_items.htm");
    private const string Dialog = "[data-receiptguard-dialog=\"open\"]";

    private HostProcess _host = null!;
    private ShopServer _shops = null!;
    private BrowserSession _browser = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, RepositoryPaths.NewTempDirectory("pairing-host"), HostProcess.FreePort());
        _api = await _host.PairAsync("onboarding test observer");
        _shops = await ShopServer.StartAsync();
        _browser = await BrowserSession.LaunchAsync(_shops.Port);
        await _browser.ConfigureHostUrlAsync(_host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _shops.DisposeAsync();
        _api.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Pair_through_the_settings_page_capture_then_revoke_keeps_the_next_capture_in_the_outbox()
    {
        var context = _browser.Context;

        // Fresh profile: the options page and the popup say "not paired"; the popup links to the options page.
        var options = await context.NewPageAsync();
        await options.GotoAsync(_browser.ExtensionPage("options.html"));
        await Expect(options.Locator("#pairing-status")).ToHaveAttributeAsync("data-pairing", "unpaired");
        var popup = await context.NewPageAsync();
        await popup.GotoAsync(_browser.ExtensionPage("popup.html"));
        await Expect(popup.Locator("#pairing-state")).ToBeVisibleAsync();
        await Expect(popup.Locator("#pairing-state a")).ToHaveAttributeAsync("href", "options.html");
        await popup.CloseAsync();

        // The host's Settings page makes a one-time code.
        var settings = await context.NewPageAsync();
        settings.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await settings.GotoAsync(new Uri(_host.BaseAddress, "/settings").ToString());
        await settings.ClickAsync("#pair-button");
        var code = settings.Locator("#pairing-code");
        await Expect(code).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{8}$"));

        // Typed into the extension's options page.
        await options.FillAsync("#pairing-code", await code.InnerTextAsync());
        await options.ClickAsync("#pairing-form button[type=submit]");
        await Expect(options.Locator("#pairing-status")).ToHaveAttributeAsync("data-pairing", "paired");

        // The settings page lists it live, with the extension's own origin.
        var listed = settings.Locator("#paired-clients li[data-state=paired]", new() { HasText = "ReceiptGuard (Chrome)" });
        await Expect(listed).ToContainTextAsync($"chrome-extension://{_browser.ExtensionId}");
        await Expect(settings.Locator("#pairing-code-box")).ToBeHiddenAsync();

        // A guarded click's snapshot reaches the host.
        await CaptureCancelledClickAsync(context);
        await WaitForSnapshotsAsync(1);
        var first = (await SnapshotIdsAsync()).Single();

        // Revoked in the UI (after the confirm).
        await listed.GetByRole(AriaRole.Button, new() { Name = "Revoke ReceiptGuard (Chrome)" }).ClickAsync();
        await Expect(settings.Locator("#paired-clients li[data-state=revoked]")).ToHaveCountAsync(1);

        // The next capture is kept by the extension, not stored, and the options page says why.
        await CaptureCancelledClickAsync(context);
        await options.ReloadAsync();
        await Expect(options.Locator("#pairing-status")).ToHaveAttributeAsync("data-pairing", "revoked");
        var status = await WorkerStatusAsync(options);
        Assert.Equal(1, status.GetProperty("queued").GetInt32());
        Assert.Equal(0, status.GetProperty("rejected").GetInt32());
        await Task.Delay(1000);
        Assert.Equal([first], await SnapshotIdsAsync());

        // Paired again: what waited is delivered. The page still shows the used code until the new one arrives: wait
        // for a different one, or the test would type the old code in and be refused.
        var usedCode = await code.InnerTextAsync();
        await settings.ClickAsync("#pair-button");
        await Expect(code).Not.ToHaveTextAsync(usedCode);
        await Expect(code).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{8}$"));
        await options.FillAsync("#pairing-code", await code.InnerTextAsync());
        await options.ClickAsync("#pairing-form button[type=submit]");
        await Expect(options.Locator("#pairing-status")).ToHaveAttributeAsync("data-pairing", "paired");
        await WaitForSnapshotsAsync(2);
        Assert.Contains(first, await SnapshotIdsAsync());
        Assert.Equal(0, (await WorkerStatusAsync(options)).GetProperty("queued").GetInt32());
    }

    /// <summary>Clicks 确认收货 on the fixture list page and cancels: the guard captures the page either way.</summary>
    private static async Task CaptureCancelledClickAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(ListPage.ToString());
        await Expect(page.Locator("[data-receiptguard=\"guarded\"]")).ToHaveCountAsync(2);
        await page.ClickAsync("a.confirm-link");
        await Expect(page.Locator(Dialog)).ToBeVisibleAsync();
        await ClosedShadow.ClickAsync(page, "[data-action=cancel]");
        // Left open: the page hands its snapshot to the worker in the background.
        await Expect(page.Locator(Dialog)).ToHaveCountAsync(0);
    }

    private async Task<string[]> SnapshotIdsAsync() =>
        (await _api.GetFromJsonAsync<JsonObject>("/api/snapshots?limit=50"))!["items"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToArray();

    private async Task WaitForSnapshotsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await SnapshotIdsAsync()).Length < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the host holds {(await SnapshotIdsAsync()).Length} snapshots, expected {count}:\n{_host.Output}");
            await Task.Delay(200);
        }
    }

    private static async Task<JsonElement> WorkerStatusAsync(IPage extensionPage) =>
        (await extensionPage.EvaluateAsync<JsonElement>("() => chrome.runtime.sendMessage({ kind: 'status' })")).GetProperty("status");
}
