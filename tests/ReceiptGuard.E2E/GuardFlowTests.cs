using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>The walking skeleton end to end: a real click on 确认收货 in Chromium, held, decided, stored, shown.</summary>
[Collection(GuardBrowserGroup.Name)]
public sealed class GuardFlowTests(GuardBrowser browser)
{
    private const string OrderId = "3312345678901234567";
    private const string ButtonOrderId = "3312345678901234999";
    private const string Dialog = "[data-receiptguard-dialog=\"open\"]";
    private static readonly Uri ListPage = GuardBrowser.ShopUrl("buyertrade.taobao.com", "/trade/itemlist/list_bought_items.htm");

    private static async Task OpenListAsync(IPage page)
    {
        await page.GotoAsync(ListPage.ToString());
        // Two real controls on the page; the 已确认收货 label and 确认收货地址 link are not guarded.
        await Expect(page.Locator("[data-receiptguard=\"guarded\"]")).ToHaveCountAsync(2);
    }

    private static Task<int> PageHandlerCallsAsync(IPage page) => page.EvaluateAsync<int>("() => window.__actions.length");

    private static Task<string[]> ClicksThePageSawAsync(IPage page) => page.EvaluateAsync<string[]>("() => window.__pageClicks");

    [Fact]
    public Task Cancel_keeps_the_page_from_acting_and_still_stores_a_cancelled_snapshot() =>
        browser.RunAsync(nameof(Cancel_keeps_the_page_from_acting_and_still_stores_a_cancelled_snapshot), async page =>
        {
            await OpenListAsync(page);
            var before = DateTimeOffset.UtcNow;

            await page.ClickAsync("a.confirm-link");
            await Expect(page.Locator(Dialog)).ToBeVisibleAsync();
            await ClosedShadow.ClickAsync(page, "[data-action=cancel]");

            await Expect(page.Locator(Dialog)).ToHaveCountAsync(0);
            Assert.Equal(ListPage.ToString(), page.Url);
            Assert.DoesNotContain("确认收货", await ClicksThePageSawAsync(page));

            var snapshot = await browser.WaitForSnapshotAsync(s =>
                s["decision"]!.GetValue<string>() == "cancelled" && s["capturedAt"]!.GetValue<DateTimeOffset>() >= before.AddSeconds(-1));
            Assert.Equal(ListPage.ToString(), snapshot["url"]!.GetValue<string>());
            Assert.Equal("taobao", snapshot["site"]!.GetValue<string>());
            Assert.Equal("确认收货", snapshot["buttonText"]!.GetValue<string>());

            // Still on the list page and nothing happened there: the page's own button handler never ran either.
            Assert.Equal(0, await PageHandlerCallsAsync(page));

            // The host parsed the stored page: the clicked order is the subject, read from the page's embedded data.
            var ui = await browser.Context.NewPageAsync();
            await ui.GotoAsync(new Uri(browser.Host.BaseAddress, $"/snapshots/{snapshot["id"]}").ToString());
            var subject = ui.Locator("#parsed article.order.subject");
            await Expect(subject).ToContainTextAsync(OrderId, new() { Timeout = 15_000 });
            await Expect(subject.Locator(".source-embedded").First).ToBeVisibleAsync();
        });

    [Fact]
    public Task Confirm_follows_the_link_stores_the_page_and_the_open_host_ui_shows_it_without_reload() =>
        browser.RunAsync(nameof(Confirm_follows_the_link_stores_the_page_and_the_open_host_ui_shows_it_without_reload), async shop =>
        {
            var ui = await browser.Context.NewPageAsync();
            await ui.GotoAsync(browser.Host.BaseAddress.ToString());
            await Expect(ui.Locator("#live")).ToHaveAttributeAsync("data-state", "connected");
            await ui.EvaluateAsync("() => { window.__sameDocument = true; }");

            await OpenListAsync(shop);
            await shop.ClickAsync("a.confirm-link");
            await Expect(shop.Locator(Dialog)).ToBeVisibleAsync();
            await DialogDriver.ConfirmAsync(shop);

            // The held action happens: the link is followed to the platform's own confirmation page.
            await shop.WaitForURLAsync($"**/trade/confirmGoods.htm?biz_order_id={OrderId}");
            await Expect(shop.Locator("h1")).ToHaveTextAsync("确认收货");

            var snapshot = await browser.WaitForSnapshotAsync(s => s["decision"]!.GetValue<string>() == "confirmed" && s["url"]!.GetValue<string>() == ListPage.ToString());
            var id = snapshot["id"]!.GetValue<string>();
            var html = await browser.HostApi.GetStringAsync($"/api/snapshots/{id}/html");
            Assert.Contains($"biz_order_id={OrderId}", html, StringComparison.Ordinal);
            Assert.Contains("优品数码旗舰店", html, StringComparison.Ordinal);
            Assert.Contains("data-receiptguard=\"guarded\"", html, StringComparison.Ordinal);
            // The page as the user saw it: our own dialog is not part of the evidence.
            Assert.DoesNotContain("receiptguard-dialog", html, StringComparison.Ordinal);

            // The UI, open since before the click, lists the snapshot through SignalR, in the same document.
            var row = ui.Locator($"tr[data-id=\"{id}\"]");
            await Expect(row).ToBeVisibleAsync();
            await Expect(row).ToContainTextAsync("已买到的宝贝");
            await Expect(row).ToContainTextAsync("taobao");
            await Expect(row.Locator(".decision-confirmed")).ToBeVisibleAsync();
            Assert.True(await ui.EvaluateAsync<bool>("() => window.__sameDocument === true"));

            // And its detail page shows the captured page in a sandbox that cannot run scripts.
            await row.Locator("a").ClickAsync();
            await Expect(ui.Locator("#meta")).ToContainTextAsync("确认收货");
            var frame = ui.Locator("iframe#page");
            await Expect(frame).ToHaveAttributeAsync("sandbox", "");
            await Expect(ui.FrameLocator("iframe#page").Locator(".js-order-container").First).ToContainTextAsync(OrderId);
        });

    [Fact]
    public Task Confirm_by_keyboard_runs_the_page_own_button_handler_exactly_once() =>
        browser.RunAsync(nameof(Confirm_by_keyboard_runs_the_page_own_button_handler_exactly_once), async page =>
        {
            await OpenListAsync(page);

            await page.ClickAsync("button.confirm-btn");
            await Expect(page.Locator(Dialog)).ToBeVisibleAsync();
            Assert.Equal(0, await PageHandlerCallsAsync(page));
            // Keyboard only: tick the checklist with Space, Tab to Confirm, Enter.
            await DialogDriver.ConfirmByKeyboardAsync(page);

            await Expect(page.Locator("#notice")).ToHaveTextAsync($"已提交确认收货：{ButtonOrderId}");
            Assert.Equal(1, await PageHandlerCallsAsync(page));
            await browser.WaitForSnapshotAsync(s => s["decision"]!.GetValue<string>() == "confirmed" && s["buttonText"]!.GetValue<string>() == "确认收货");
        });

    [Fact]
    public Task A_page_script_cannot_press_confirm_or_reach_the_host() =>
        browser.RunAsync(nameof(A_page_script_cannot_press_confirm_or_reach_the_host), async page =>
        {
            await OpenListAsync(page);
            await page.ClickAsync("a.confirm-link");
            await Expect(page.Locator(Dialog)).ToBeVisibleAsync();

            // The page cannot see into the dialog...
            Assert.True(await page.EvaluateAsync<bool>(
                "sel => document.querySelector(sel).shadowRoot === null", Dialog));
            // ...and it cannot talk to the host itself (Local Network Access): only the extension's worker can.
            var reached = await page.EvaluateAsync<string>(
                "url => fetch(url + 'api/health').then(() => 'reached', e => 'blocked: ' + e.message)", browser.Host.BaseAddress.ToString());
            Assert.StartsWith("blocked", reached, StringComparison.Ordinal);

            await page.Keyboard.PressAsync("Escape");
            await Expect(page.Locator(Dialog)).ToHaveCountAsync(0);
            Assert.Equal(ListPage.ToString(), page.Url);
        });
}
