using Microsoft.Playwright;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>What the user controls (platform switches, the generic rule's sites, pausing) and what the guard does
/// over time (controls that appear later, a repeat click after Confirm).</summary>
[Collection(GuardBrowserGroup.Name)]
public sealed class GuardControlTests(GuardBrowser browser)
{
    private const string Guarded = "[data-receiptguard=\"guarded\"]";
    private const string Dialog = "[data-receiptguard-dialog=\"open\"]";
    private static readonly string TaobaoList = GuardSpec.Named("taobao/list-basic.guard.json").ServedUrl;
    private static readonly string GenericOrders = GuardSpec.Named("generic/orders.guard.json").ServedUrl;

    [Fact]
    public Task A_control_added_after_load_is_guarded() =>
        browser.RunAsync(nameof(A_control_added_after_load_is_guarded), async page =>
        {
            await page.GotoAsync(GenericOrders);
            await Expect(page.Locator("#confirm-link")).ToHaveAttributeAsync("data-receiptguard", "guarded");

            await page.ClickAsync("#late-loader");

            await Expect(page.Locator("#confirm-late")).ToHaveAttributeAsync("data-receiptguard", "guarded");
            await page.ClickAsync("#confirm-late");
            await Expect(page.Locator(Dialog)).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("Escape");
            await Expect(page.Locator(Dialog)).ToHaveCountAsync(0);
        });

    [Fact]
    public Task A_site_not_enabled_for_the_generic_rule_is_left_alone() =>
        browser.RunAsync(nameof(A_site_not_enabled_for_the_generic_rule_is_left_alone), async page =>
        {
            // The same page as the generic fixture, on a host the user never enabled: no content script runs there.
            await page.GotoAsync("http://unlisted.example/generic/orders.html");
            await page.ClickAsync("#confirm-en");

            Assert.Equal(["confirm:ORD-2026-0002"], await page.EvaluateAsync<string[]>("() => window.__actions"));
            Assert.Equal(0, await page.Locator(Guarded).CountAsync());
            Assert.Equal(0, await page.Locator(Dialog).CountAsync());
        });

    [Fact]
    public Task A_second_click_right_after_Confirm_is_not_held_again() =>
        browser.RunAsync(nameof(A_second_click_right_after_Confirm_is_not_held_again), async page =>
        {
            await page.GotoAsync(TaobaoList);
            await Expect(page.Locator("button.confirm-btn")).ToHaveAttributeAsync("data-receiptguard", "guarded");
            await page.ClickAsync("button.confirm-btn");
            await DialogDriver.ConfirmAsync(page);
            await Expect(page.Locator("#notice")).Not.ToBeEmptyAsync();

            await page.ClickAsync("button.confirm-btn");

            Assert.Equal(0, await page.Locator(Dialog).CountAsync());
            Assert.Equal(2, await page.EvaluateAsync<int>("() => window.__actions.length"));
        });

    [Fact]
    public Task Pausing_from_the_popup_stops_the_guard_on_that_site_and_resuming_brings_it_back() =>
        browser.RunAsync(nameof(Pausing_from_the_popup_stops_the_guard_on_that_site_and_resuming_brings_it_back), async page =>
        {
            await page.GotoAsync(TaobaoList);
            await Expect(page.Locator(Guarded)).ToHaveCountAsync(2);

            var popup = await OpenPopupForAsync(page, "buyertrade.taobao.com");
            await Expect(popup.Locator("#guard-status")).ToContainTextAsync("2");
            await popup.ClickAsync("#pause");
            await Expect(popup.Locator("#resume")).ToBeVisibleAsync();

            // Paused: no marks, and the click goes straight to the page.
            await Expect(page.Locator(Guarded)).ToHaveCountAsync(0);
            await page.ClickAsync("button.confirm-btn");
            Assert.Equal(0, await page.Locator(Dialog).CountAsync());
            Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__actions.length"));

            await popup.ClickAsync("#resume");
            await Expect(page.Locator(Guarded)).ToHaveCountAsync(2);
            await page.ClickAsync("a.confirm-link");
            await Expect(page.Locator(Dialog)).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("Escape");
        });

    [Fact]
    public Task Switching_a_platform_off_in_options_stops_its_guard() =>
        browser.RunAsync(nameof(Switching_a_platform_off_in_options_stops_its_guard), async page =>
        {
            await page.GotoAsync(TaobaoList);
            await Expect(page.Locator(Guarded)).ToHaveCountAsync(2);
            var options = await browser.Context.NewPageAsync();
            await options.GotoAsync(browser.Session.ExtensionPage("options.html"));

            await options.UncheckAsync("#shop-taobao");
            await Expect(page.Locator(Guarded)).ToHaveCountAsync(0);
            await page.ClickAsync("button.confirm-btn");
            Assert.Equal(0, await page.Locator(Dialog).CountAsync());

            await options.CheckAsync("#shop-taobao");
            await Expect(page.Locator(Guarded)).ToHaveCountAsync(2);
        });

    /// <summary>The toolbar popup for the tab showing a page of this host (its tab id comes from the worker's records).</summary>
    private async Task<IPage> OpenPopupForAsync(IPage shopPage, string hostname)
    {
        var popup = await browser.Context.NewPageAsync();
        await popup.GotoAsync(browser.Session.ExtensionPage("popup.html"));
        var tabId = 0;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (tabId == 0 && DateTime.UtcNow < deadline)
        {
            tabId = await popup.EvaluateAsync<int>(
                "host => chrome.storage.session.get(null).then(all => Number((Object.entries(all).find(([k, v]) => k.startsWith('tab:') && v.hostname === host) ?? ['tab:0'])[0].slice(4)))",
                hostname);
        }

        Assert.NotEqual(0, tabId);
        await popup.GotoAsync(browser.Session.ExtensionPage($"popup.html?tab={tabId}"));
        await shopPage.BringToFrontAsync();
        return popup;
    }
}
