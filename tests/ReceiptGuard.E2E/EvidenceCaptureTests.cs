using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>
/// Evidence end to end, with the screenshot permission granted: the stored page is self-contained and looks like the
/// live one, the screenshot shows the page (not our dialog), and delivery survives a stopped host, a stopped worker
/// and a 10 MB page.
/// </summary>
[Collection(EvidenceBrowserGroup.Name)]
public sealed partial class EvidenceCaptureTests(EvidenceBrowser browser)
{
    /// <summary>Share of pixels that may differ (beyond anti-aliasing) between the live page and its evidence.</summary>
    private const double FidelityThreshold = 0.01;

    private static readonly Uri FidelityPage = GuardBrowser.ShopUrl("buyertrade.taobao.com", "/evidence/fidelity.html");
    private static readonly Uri ListPage = GuardBrowser.ShopUrl("buyertrade.taobao.com", "/trade/itemlist/list_bought_items.htm");
    private const string Dialog = DialogDriver.Open;

    private async Task<JsonObject> DetailAsync(string id) =>
        JsonNode.Parse(await browser.HostApi.GetStringAsync($"/api/snapshots/{id}"))!.AsObject();

    private static async Task FillTheFormAsync(IPage page)
    {
        await page.FillAsync("#note", "快递还没到，先不确认");
        await page.CheckAsync("#inspected");
        await page.SelectOptionAsync("#reason", "b");
        await page.FillAsync("#message", "卖家说先确认收货再退款");
        // Typing moved the focus; the live picture and the evidence should both show the page at rest.
        await page.EvaluateAsync("() => { document.activeElement.blur(); window.scrollTo(0, 0); }");
    }

    private static Task<IJSHandle> WaitForImagesAsync(IPage page) =>
        page.WaitForFunctionAsync("() => [...document.images].filter(i => !i.src.startsWith('data:')).every(i => i.complete && i.naturalWidth > 0)");

    /// <summary>Opens stored HTML in a fresh page that can reach nothing: every request it makes is refused and counted.</summary>
    private async Task<(IPage Page, List<string> Refused)> OpenOfflineAsync(string html)
    {
        var page = await browser.Context.NewPageAsync();
        var refused = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == "http://evidence.invalid/")
            {
                await route.FulfillAsync(new() { ContentType = "text/html; charset=utf-8", Body = html });
                return;
            }

            refused.Add(route.Request.Url);
            await route.AbortAsync();
        });
        await page.GotoAsync("http://evidence.invalid/");
        await page.WaitForLoadStateAsync(LoadState.Load);
        return (page, refused);
    }

    [Fact]
    public Task The_stored_page_is_self_contained_and_looks_like_the_live_page() =>
        browser.RunAsync(nameof(The_stored_page_is_self_contained_and_looks_like_the_live_page), async page =>
        {
            await page.GotoAsync(FidelityPage.ToString());
            await Expect(page.Locator("a.confirm[data-receiptguard=\"guarded\"]")).ToHaveCountAsync(1);
            await WaitForImagesAsync(page);
            await FillTheFormAsync(page);
            var live = await page.ScreenshotAsync();
            var before = DateTimeOffset.UtcNow;

            await page.ClickAsync("a.confirm");
            await Expect(page.Locator(Dialog)).ToBeVisibleAsync();
            await DialogDriver.CancelAsync(page);

            var snapshot = await browser.WaitForSnapshotAsync(s =>
                s["url"]!.GetValue<string>() == FidelityPage.ToString() && s["capturedAt"]!.GetValue<DateTimeOffset>() >= before.AddSeconds(-1));
            var id = snapshot["id"]!.GetValue<string>();
            var html = await browser.HostApi.GetStringAsync($"/api/snapshots/{id}/html");
            await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryPaths.Artifacts, "evidence")).FullName, "fidelity.html"), html);

            // Self-contained and inert: no script, every image and sheet inside, state and structure kept.
            Assert.DoesNotMatch(ScriptTag(), html);
            Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Saved by ReceiptGuard", html, StringComparison.Ordinal);
            Assert.Contains("shadowrootmode=\"open\"", html, StringComparison.Ordinal);
            Assert.Contains("88VIP 会员", html, StringComparison.Ordinal);
            Assert.Contains("srcdoc=", html, StringComparison.Ordinal);
            Assert.Contains("SF1234567890123", html, StringComparison.Ordinal);
            Assert.Contains("value=\"快递还没到，先不确认\"", html, StringComparison.Ordinal);
            Assert.Contains("卖家说先确认收货再退款</textarea>", html, StringComparison.Ordinal);
            Assert.Matches("<option value=\"b\"[^>]*selected", html);
            Assert.Matches("id=\"inspected\"[^>]*checked|checked[^>]*id=\"inspected\"", html);
            Assert.Contains(".cssom-made", html, StringComparison.Ordinal);
            Assert.Matches("id=\"thumb-lazy\"[^>]*src=\"data:image/png|src=\"data:image/png[^\"]*\"[^>]*id=\"thumb-lazy\"", html);
            Assert.Matches("id=\"thumb-cdn\"[^>]*src=\"data:image/png|src=\"data:image/png[^\"]*\"[^>]*id=\"thumb-cdn\"", html);
            Assert.DoesNotContain("receiptguard-dialog", html, StringComparison.Ordinal);

            // The order data the page carried in a script, kept apart for the parser.
            var embedded = await browser.HostApi.GetStringAsync($"/api/snapshots/{id}/embedded");
            Assert.Contains("4012345678901234567", embedded, StringComparison.Ordinal);

            var detail = await DetailAsync(id);
            var context = detail["context"]!.AsObject();
            Assert.False(string.IsNullOrEmpty(context["timeZone"]!.GetValue<string>()));
            Assert.Contains("Chrome", context["userAgent"]!.GetValue<string>(), StringComparison.Ordinal);
            // The built manifest's version (package.json's, stamped by the build), not a copy that goes stale on a bump.
            var builtVersion = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.ExtensionDist, "manifest.json")))!["version"]!.GetValue<string>();
            Assert.Equal(builtVersion, context["extensionVersion"]!.GetValue<string>());
            Assert.False(context["checklist"]!["received"]!.GetValue<bool>());
            Assert.Empty(context["serializer"]!["skipped"]!.AsArray());

            // Opened with the network cut, it asks for nothing and looks like the page the user saw.
            var (offline, refused) = await OpenOfflineAsync(html);
            Assert.DoesNotContain(refused, u => !u.EndsWith("/favicon.ico", StringComparison.Ordinal));
            var stored = await offline.ScreenshotAsync();
            var diff = PixelDiff.Compare(live, stored);
            await SavePicturesAsync("fidelity", live, stored);
            Assert.True(diff.Fraction <= FidelityThreshold, $"{diff.Fraction:P2} of the pixels differ (allowed {FidelityThreshold:P0})");

            // The screenshot shows the page, taken once our dialog had gone.
            var screenshot = await browser.HostApi.GetAsync($"/api/snapshots/{id}/screenshot");
            Assert.Equal("image/png", screenshot.Content.Headers.ContentType!.MediaType);
            var picture = await screenshot.Content.ReadAsByteArrayAsync();
            var pictureDiff = PixelDiff.Compare(live, picture);
            await SavePicturesAsync("screenshot", live, picture);
            await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, "evidence", "fidelity.txt"), $"stored page offline: {diff}\nscreenshot: {pictureDiff}\n");
            Assert.True(pictureDiff.Fraction <= FidelityThreshold, $"the screenshot differs from the page in {pictureDiff.Fraction:P2} of its pixels");
        });

    [Fact]
    public Task Confirm_while_the_host_is_down_is_delivered_once_when_it_is_back() =>
        browser.RunAsync(nameof(Confirm_while_the_host_is_down_is_delivered_once_when_it_is_back), page =>
            WhileTheHostIsDownAsync(page, "confirmed", async () =>
            {
                await page.WaitForURLAsync("**/trade/confirmGoods.htm*");
                var popup = await browser.Context.NewPageAsync();
                await popup.GotoAsync(browser.Session.ExtensionPage("popup.html"));
                await Expect(popup.Locator("#queue-state")).ToContainTextAsync("1");
                await Expect(popup.Locator("#host-state")).ToHaveAttributeAsync("data-state", "offline");
                await browser.StartHostAsync();
                await Expect(popup.Locator("#host-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });
                return popup;
            }));

    [Fact]
    public Task A_capture_queued_when_the_worker_is_stopped_is_still_delivered_once() =>
        browser.RunAsync(nameof(A_capture_queued_when_the_worker_is_stopped_is_still_delivered_once), page =>
            WhileTheHostIsDownAsync(page, "cancelled", async () =>
            {
                await Expect(page.Locator("receiptguard-notice")).ToHaveCountAsync(1);
                await ExtensionWorker.StopAsync(browser.Context, browser.ExtensionId);
                await browser.StartHostAsync();
                // A user opening the popup wakes the worker; it reconnects to the host and delivers what waited.
                var popup = await browser.Context.NewPageAsync();
                await popup.GotoAsync(browser.Session.ExtensionPage("popup.html"));
                return popup;
            }));

    /// <summary>
    /// Stops the host, decides on the list page's control, lets <paramref name="meanwhile"/> do its worst and bring the
    /// host back, then checks the snapshot arrived exactly once and the popup has nothing left waiting.
    /// </summary>
    private async Task WhileTheHostIsDownAsync(IPage page, string decision, Func<Task<IPage>> meanwhile)
    {
        await browser.StopHostAsync();
        try
        {
            var before = DateTimeOffset.UtcNow;
            await page.GotoAsync(ListPage.ToString());
            await page.ClickAsync("a.confirm-link");
            await Expect(page.Locator(Dialog)).ToBeVisibleAsync();
            await (decision == "confirmed" ? DialogDriver.ConfirmAsync(page) : DialogDriver.CancelAsync(page));

            var popup = await meanwhile();

            bool IsOurs(JsonObject s) =>
                s["url"]!.GetValue<string>() == ListPage.ToString() && s["decision"]!.GetValue<string>() == decision && s["capturedAt"]!.GetValue<DateTimeOffset>() >= before.AddSeconds(-1);
            await browser.WaitForSnapshotAsync(IsOurs, TimeSpan.FromSeconds(30));
            await Expect(popup.Locator("#queue-state")).ToHaveTextAsync(new Regex("Nothing waiting"), new() { Timeout = 15_000 });
            await Task.Delay(1_000);
            Assert.Single((await browser.SnapshotsAsync()).Select(n => n!.AsObject()), IsOurs);
        }
        finally
        {
            if (browser.Host.HasExited)
            {
                await browser.StartHostAsync();
            }
        }
    }

    [Fact]
    public Task A_10_MB_page_arrives_intact() =>
        browser.RunAsync(nameof(A_10_MB_page_arrives_intact), async page =>
        {
            var before = DateTimeOffset.UtcNow;
            await page.GotoAsync(EvidenceBrowser.LargePage.ToString());
            await page.ClickAsync("a.confirm");
            await Expect(page.Locator(Dialog)).ToBeVisibleAsync();
            await DialogDriver.CancelAsync(page);

            var snapshot = await browser.WaitForSnapshotAsync(
                s => s["url"]!.GetValue<string>() == EvidenceBrowser.LargePage.ToString() && s["capturedAt"]!.GetValue<DateTimeOffset>() >= before.AddSeconds(-1),
                TimeSpan.FromSeconds(60));
            Assert.True(snapshot["htmlBytes"]!.GetValue<long>() >= 10_000_000, $"only {snapshot["htmlBytes"]} bytes stored");
            var html = await browser.HostApi.GetStringAsync($"/api/snapshots/{snapshot["id"]}/html");
            // (However the serializer writes the boolean attribute: the text starts after the start tag's end.)
            var start = html.IndexOf('>', html.IndexOf("<pre id=\"payload\"", StringComparison.Ordinal)) + 1;
            var end = html.IndexOf("</pre>", start, StringComparison.Ordinal);
            Assert.Equal(EvidenceBrowser.PayloadSha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html[start..end]))));
        });

    [Fact]
    public Task Save_evidence_from_the_popup_works_on_any_page_with_a_screenshot() =>
        browser.RunAsync(nameof(Save_evidence_from_the_popup_works_on_any_page_with_a_screenshot), async page =>
        {
            const string chat = "http://chat.example.org/conversation/42";
            await page.GotoAsync(chat);
            var popup = await browser.Context.NewPageAsync();
            await popup.GotoAsync(browser.Session.ExtensionPage("popup.html"));
            var tabId = await popup.EvaluateAsync<int>("url => chrome.tabs.query({ url }).then(([tab]) => tab.id)", chat);
            await popup.GotoAsync(browser.Session.ExtensionPage($"popup.html?tab={tabId}"));
            await page.BringToFrontAsync();

            await popup.ClickAsync("#save-page");
            await Expect(popup.Locator("#save-status")).ToHaveAttributeAsync("data-state", "ok", new() { Timeout = 15_000 });

            var snapshot = await browser.WaitForSnapshotAsync(s => s["url"]!.GetValue<string>() == chat);
            Assert.Equal("manual", snapshot["capture"]!.GetValue<string>());
            Assert.Equal("none", snapshot["decision"]!.GetValue<string>());
            Assert.Equal("generic", snapshot["site"]!.GetValue<string>());
            var detail = await DetailAsync(snapshot["id"]!.GetValue<string>());
            Assert.True(detail["hasScreenshot"]!.GetValue<bool>(), detail.ToJsonString());
            Assert.Null(detail["context"]!["checklist"]);
            var html = await browser.HostApi.GetStringAsync($"/api/snapshots/{snapshot["id"]}/html");
            Assert.Contains(chat, html, StringComparison.Ordinal);
        });

    [Fact]
    public Task With_the_permission_granted_the_options_page_says_screenshots_are_on() =>
        browser.RunAsync(nameof(With_the_permission_granted_the_options_page_says_screenshots_are_on), async page =>
        {
            await page.GotoAsync(browser.Session.ExtensionPage("options.html"));
            await Expect(page.Locator("#screenshots-status")).ToHaveAttributeAsync("data-state", "ok");
            await Expect(page.Locator("#screenshots-grant")).ToBeHiddenAsync();
            await Expect(page.Locator("#screenshots-revoke")).ToBeVisibleAsync();
        });

    private static async Task SavePicturesAsync(string name, byte[] live, byte[] stored)
    {
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Artifacts, "evidence")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}-live.png"), live);
        await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}-stored.png"), stored);
    }

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
