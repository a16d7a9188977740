using System.Text.Json.Nodes;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>Evidence with the extension's default permissions: nothing is lost, and every gap says why.</summary>
[Collection(GuardBrowserGroup.Name)]
public sealed class EvidenceWithoutPermissionTests(GuardBrowser browser)
{
    private static readonly Uri FidelityPage = GuardBrowser.ShopUrl("buyertrade.taobao.com", "/evidence/fidelity.html");

    [Fact]
    public Task Without_the_screenshot_permission_the_snapshot_is_kept_and_says_what_is_missing() =>
        browser.RunAsync(nameof(Without_the_screenshot_permission_the_snapshot_is_kept_and_says_what_is_missing), async page =>
        {
            var before = DateTimeOffset.UtcNow;
            await page.GotoAsync(FidelityPage.ToString());
            await page.ClickAsync("a.confirm");
            await Expect(page.Locator(DialogDriver.Open)).ToBeVisibleAsync();
            await DialogDriver.CancelAsync(page);

            var snapshot = await browser.WaitForSnapshotAsync(s =>
                s["url"]!.GetValue<string>() == FidelityPage.ToString() && s["capturedAt"]!.GetValue<DateTimeOffset>() >= before.AddSeconds(-1));
            var id = snapshot["id"]!.GetValue<string>();
            var detail = JsonNode.Parse(await browser.HostApi.GetStringAsync($"/api/snapshots/{id}"))!.AsObject();
            Assert.False(detail["hasScreenshot"]!.GetValue<bool>());
            Assert.Contains("options page", detail["screenshotError"]!.GetValue<string>(), StringComparison.Ordinal);

            // The CDN image sends no CORS header and the extension may not fetch it: skipped, and recorded as such.
            var skipped = detail["context"]!["serializer"]!["skipped"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()).ToList();
            Assert.Contains("http://img.alicdn.com/evidence/item-b.png", skipped);
            var html = await browser.HostApi.GetStringAsync($"/api/snapshots/{id}/html");
            Assert.Contains("http://img.alicdn.com/evidence/item-b.png", html, StringComparison.Ordinal);
            Assert.Contains("data:image/png", html, StringComparison.Ordinal);
        });

    [Fact]
    public Task Saving_a_page_the_extension_may_not_read_shows_why() =>
        browser.RunAsync(nameof(Saving_a_page_the_extension_may_not_read_shows_why), async page =>
        {
            const string chat = "http://chat.example.org/conversation/7";
            await page.GotoAsync(chat);
            var popup = await browser.Context.NewPageAsync();
            await popup.GotoAsync(browser.Session.ExtensionPage("popup.html"));
            // Without the tabs permission the popup cannot see other tabs' addresses: the chat is the one other tab.
            var tabId = await popup.EvaluateAsync<int>("async () => { const me = await chrome.tabs.getCurrent(); return (await chrome.tabs.query({})).find(t => t.id !== me.id).id; }");
            await popup.GotoAsync(browser.Session.ExtensionPage($"popup.html?tab={tabId}"));
            await page.BringToFrontAsync();

            await popup.ClickAsync("#save-page");
            await Expect(popup.Locator("#save-status")).ToHaveAttributeAsync("data-state", "error");
            await Expect(popup.Locator("#save-status")).ToContainTextAsync("may not read this page");
        });

    [Fact]
    public Task The_options_page_explains_the_screenshot_permission_and_offers_it() =>
        browser.RunAsync(nameof(The_options_page_explains_the_screenshot_permission_and_offers_it), async page =>
        {
            await page.GotoAsync(browser.Session.ExtensionPage("options.html"));
            await Expect(page.Locator("#screenshots-explain")).ToContainTextAsync("permission to read all sites");
            await Expect(page.Locator("#screenshots-status")).ToHaveAttributeAsync("data-state", "info");
            await Expect(page.Locator("#screenshots-grant")).ToBeVisibleAsync();
            await Expect(page.Locator("#screenshots-revoke")).ToBeHiddenAsync();
            await Expect(page.Locator("#shortcut")).ToContainTextAsync("Alt+Shift+S");
        });
}
