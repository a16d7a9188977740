using Microsoft.Playwright;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>The confirmation dialog in Chromium: what it says about the order, the checklist, keyboard use, the
/// page's inability to press it, languages, zoom, and the notice after the choice.</summary>
[Collection(GuardBrowserGroup.Name)]
public sealed class DialogTests(GuardBrowser browser)
{
    private static readonly string TaobaoList = GuardSpec.Named("taobao/list-basic.guard.json").ServedUrl;
    private static readonly string TmallPresale = GuardSpec.Named("tmall/detail-presale.guard.json").ServedUrl;
    private static readonly string GenericOrders = GuardSpec.Named("generic/orders.guard.json").ServedUrl;
    private static readonly string[] DialogButtons = ["[data-action=cancel]", "[data-action=confirm]"];

    private static async Task HoldAsync(IPage page, string url, string selector)
    {
        await page.GotoAsync(url);
        await Expect(page.Locator(selector)).ToHaveAttributeAsync("data-receiptguard", "guarded");
        await page.ClickAsync(selector);
        await Expect(page.Locator(DialogDriver.Open)).ToHaveCountAsync(1);
    }

    [Fact]
    public Task Confirm_stays_disabled_until_every_checklist_item_is_ticked() =>
        browser.RunAsync(nameof(Confirm_stays_disabled_until_every_checklist_item_is_ticked), async page =>
        {
            await HoldAsync(page, TaobaoList, "a.confirm-link");
            // The page says 卖家已发货, not delivered: four items, the logistics one included.
            Assert.Equal(4, await DialogDriver.ChecklistCountAsync(page));
            Assert.False(await DialogDriver.ConfirmEnabledAsync(page));

            await ClosedShadow.ClickAsync(page, "[data-check=received]");
            await ClosedShadow.ClickAsync(page, "[data-check=inspected]");
            await ClosedShadow.ClickAsync(page, "[data-check=logistics]");
            Assert.False(await DialogDriver.ConfirmEnabledAsync(page));
            // Pressing the disabled Confirm does nothing.
            await ClosedShadow.ClickAsync(page, "[data-action=confirm]");
            await Expect(page.Locator(DialogDriver.Open)).ToHaveCountAsync(1);

            await ClosedShadow.ClickAsync(page, "[data-check=nobody-asked]");
            Assert.True(await DialogDriver.ConfirmEnabledAsync(page));
            await ClosedShadow.ClickAsync(page, "[data-action=confirm]");
            await page.WaitForURLAsync("**/trade/confirmGoods.htm?biz_order_id=3312345678901234567");
        });

    [Fact]
    public Task The_dialog_says_which_order_and_warns_when_the_page_does_not_say_delivered() =>
        browser.RunAsync(nameof(The_dialog_says_which_order_and_warns_when_the_page_does_not_say_delivered), async page =>
        {
            await HoldAsync(page, TaobaoList, "a.confirm-link");
            var html = await DialogDriver.HtmlAsync(page);
            Assert.Contains("3312345678901234567", html, StringComparison.Ordinal);
            Assert.Contains("优品数码旗舰店", html, StringComparison.Ordinal);
            Assert.Contains("无线蓝牙耳机", html, StringComparison.Ordinal);
            Assert.Contains("￥129.00", html, StringComparison.Ordinal);
            Assert.Contains("data-warning=\"logistics\"", html, StringComparison.Ordinal);
            Assert.Contains("卖家已发货", html, StringComparison.Ordinal);
            // The countdown the list shows, and the advice that waiting or extending is possible.
            Assert.Contains("data-warning=\"deadline\"", html, StringComparison.Ordinal);
            Assert.Contains("8 days 9 hours", html, StringComparison.Ordinal);
            await page.Keyboard.PressAsync("Escape");
            await Expect(page.Locator(DialogDriver.Open)).ToHaveCountAsync(0);
        });

    [Fact]
    public Task A_Tmall_presale_order_shows_the_presale_warning_and_the_countdown() =>
        browser.RunAsync(nameof(A_Tmall_presale_order_shows_the_presale_warning_and_the_countdown), async page =>
        {
            await HoldAsync(page, TmallPresale, "tr.stage-2 a.confirm");
            var html = await DialogDriver.HtmlAsync(page);
            Assert.Contains("data-warning=\"presale\"", html, StringComparison.Ordinal);
            Assert.Contains("data-warning=\"deadline\"", html, StringComparison.Ordinal);
            Assert.Contains("9 days 23 hours", html, StringComparison.Ordinal);
            Assert.Contains("潮流家电旗舰店", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-warning=\"custom\"", html, StringComparison.Ordinal);
            await DialogDriver.CancelAsync(page);
        });

    [Fact]
    public Task A_delivered_order_has_no_logistics_warning_and_no_logistics_item() =>
        browser.RunAsync(nameof(A_delivered_order_has_no_logistics_warning_and_no_logistics_item), async page =>
        {
            await HoldAsync(page, GenericOrders, "#confirm-en");
            var html = await DialogDriver.HtmlAsync(page);
            Assert.DoesNotContain("data-warning=\"logistics\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-check=\"logistics\"", html, StringComparison.Ordinal);
            Assert.Equal(3, await DialogDriver.ChecklistCountAsync(page));
            await DialogDriver.CancelAsync(page);
        });

    [Fact]
    public Task Keyboard_only_cancel_and_Escape_leave_the_page_as_it_was_and_keep_the_evidence() =>
        browser.RunAsync(nameof(Keyboard_only_cancel_and_Escape_leave_the_page_as_it_was_and_keep_the_evidence), async page =>
        {
            await page.GotoAsync(TaobaoList);
            var button = page.Locator("button.confirm-btn");
            await Expect(button).ToHaveAttributeAsync("data-receiptguard", "guarded");
            await button.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator(DialogDriver.Open)).ToHaveCountAsync(1);
            // Focus is on Cancel: Enter cancels.
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator(DialogDriver.Open)).ToHaveCountAsync(0);

            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator(DialogDriver.Open)).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("Escape");
            await Expect(page.Locator(DialogDriver.Open)).ToHaveCountAsync(0);

            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__actions"));
            Assert.Equal(TaobaoList, page.Url);
            await browser.WaitForSnapshotAsync(s => s["decision"]!.GetValue<string>() == "cancelled" && s["orderHint"]?.GetValue<string>() == "3312345678901234999");
        });

    [Fact]
    public Task A_page_script_cannot_press_Confirm_even_when_the_checklist_is_done() =>
        browser.RunAsync(nameof(A_page_script_cannot_press_Confirm_even_when_the_checklist_is_done), async page =>
        {
            await HoldAsync(page, TaobaoList, "button.confirm-btn");
            await ClosedShadow.ClickAllAsync(page, "[data-check]");
            Assert.True(await DialogDriver.ConfirmEnabledAsync(page));
            var (x, y, w, h) = await ClosedShadow.BoxAsync(page, "[data-action=confirm]");

            // Everything a script on the page can try: the host, the element at Confirm's position, keys.
            var attempts = await page.EvaluateAsync<string>(
                """
                ([x, y]) => {
                  const host = document.querySelector('[data-receiptguard-dialog]');
                  const seen = [host.shadowRoot === null ? 'closed' : 'open'];
                  host.click();
                  const atConfirm = document.elementFromPoint(x, y);
                  seen.push(atConfirm === host ? 'retargeted' : atConfirm.tagName);
                  atConfirm.click();
                  atConfirm.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
                  host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
                  return seen.join(',');
                }
                """,
                new[] { x + (w / 2), y + (h / 2) });

            Assert.Equal("closed,retargeted", attempts);
            await Expect(page.Locator(DialogDriver.Open)).ToHaveCountAsync(1);
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__actions"));
            await DialogDriver.CancelAsync(page);
        });

    [Fact]
    public Task The_language_chosen_in_options_is_used_and_both_languages_are_pictured() =>
        browser.RunAsync(nameof(The_language_chosen_in_options_is_used_and_both_languages_are_pictured), async page =>
        {
            var pictures = Path.Combine(RepositoryPaths.Artifacts, "screenshots");
            Directory.CreateDirectory(pictures);
            await page.SetViewportSizeAsync(1100, 860);

            await HoldAsync(page, TmallPresale, "tr.stage-2 a.confirm");
            Assert.Contains("Confirm receipt of this order?", await DialogDriver.HtmlAsync(page), StringComparison.Ordinal);
            await page.ScreenshotAsync(new() { Path = Path.Combine(pictures, "dialog-en.png") });
            await DialogDriver.CancelAsync(page);

            await SetLanguageAsync("zh_CN");
            try
            {
                await page.ReloadAsync();
                await Expect(page.Locator("tr.stage-2 a.confirm")).ToHaveAttributeAsync("data-receiptguard", "guarded");
                // Settings reach the page when it is first idle; give the language a moment to arrive.
                await page.WaitForTimeoutAsync(300);
                await page.ClickAsync("tr.stage-2 a.confirm");
                var html = await DialogDriver.HtmlAsync(page);
                Assert.Contains("确认收货前，请先核对", html, StringComparison.Ordinal);
                Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
                Assert.Contains("9 天 23 小时", html, StringComparison.Ordinal);
                await page.ScreenshotAsync(new() { Path = Path.Combine(pictures, "dialog-zh.png") });
                await DialogDriver.CancelAsync(page);
            }
            finally
            {
                await SetLanguageAsync("auto");
            }
        });

    [Fact]
    public Task At_200_percent_zoom_the_buttons_stay_on_screen() =>
        browser.RunAsync(nameof(At_200_percent_zoom_the_buttons_stay_on_screen), async page =>
        {
            // A 1280×720 window at 200% zoom lays pages out as 640×360 CSS pixels.
            await page.SetViewportSizeAsync(640, 360);
            await HoldAsync(page, GenericOrders, "#confirm-link");
            foreach (var button in DialogButtons)
            {
                var (x, y, w, h) = await ClosedShadow.BoxAsync(page, button);
                Assert.True(x >= 0 && y >= 0 && x + w <= 640 && y + h <= 360, $"{button} at ({x}, {y}, {w}×{h}) is off screen");
            }

            await DialogDriver.ConfirmAsync(page);
            await page.WaitForURLAsync("**/generic/confirm?orderId=ORD-2026-0001");
        });

    [Fact]
    public Task After_Cancel_a_notice_offers_the_guide_and_after_Confirm_it_says_the_evidence_was_saved() =>
        browser.RunAsync(nameof(After_Cancel_a_notice_offers_the_guide_and_after_Confirm_it_says_the_evidence_was_saved), async page =>
        {
            const string notice = "receiptguard-notice";
            await HoldAsync(page, TaobaoList, "button.confirm-btn");
            await DialogDriver.CancelAsync(page);
            await Expect(page.Locator(notice)).ToHaveCountAsync(1);
            Assert.Contains("Not confirmed", await ClosedShadow.OuterHtmlAsync(page, "[data-notice=text]", notice), StringComparison.Ordinal);

            var guide = browser.Context.WaitForPageAsync();
            await ClosedShadow.ClickAsync(page, "[data-notice-action=guide]", notice);
            var guidePage = await guide;
            await guidePage.WaitForURLAsync($"{browser.Host.BaseAddress}guide?platform=taobao");
            // The seven general steps, then the platform's time window with its source.
            await Expect(guidePage.Locator("#guide-steps > li")).ToHaveCountAsync(8);
            await Expect(guidePage.Locator("#guide-title")).ToContainTextAsync("Taobao");

            await ClosedShadow.ClickAsync(page, "[data-notice-action=close]", notice);
            await Expect(page.Locator(notice)).ToHaveCountAsync(0);
            await page.ClickAsync("button.confirm-btn");
            await DialogDriver.ConfirmAsync(page);
            await Expect(page.Locator("#notice")).Not.ToBeEmptyAsync();
            Assert.Contains("Confirmed. Evidence of this page was saved to ReceiptGuard.",
                await ClosedShadow.OuterHtmlAsync(page, "[data-notice=text]", notice), StringComparison.Ordinal);
        });

    [Fact]
    public Task With_the_type_to_confirm_setting_a_large_order_needs_the_word() =>
        browser.RunAsync(nameof(With_the_type_to_confirm_setting_a_large_order_needs_the_word), async page =>
        {
            await SetFrictionAsync("type", 100);
            try
            {
                await HoldAsync(page, TaobaoList, "a.confirm-link");
                await page.WaitForTimeoutAsync(100);
                await ClosedShadow.ClickAllAsync(page, "[data-check]");
                Assert.Contains("data-type-word", await DialogDriver.HtmlAsync(page), StringComparison.Ordinal);
                Assert.False(await DialogDriver.ConfirmEnabledAsync(page));
                await ClosedShadow.ClickAsync(page, "[data-type-word]");
                await page.Keyboard.TypeAsync("confirm");
                Assert.True(await DialogDriver.ConfirmEnabledAsync(page));
                await DialogDriver.CancelAsync(page);
            }
            finally
            {
                await SetFrictionAsync("checklist", 500);
            }
        });

    private async Task SetLanguageAsync(string language)
    {
        var options = await browser.Context.NewPageAsync();
        await options.GotoAsync(browser.Session.ExtensionPage("options.html"));
        await options.SelectOptionAsync("#language", language);
        await Expect(options.Locator("#language-status")).ToHaveAttributeAsync("data-state", "ok");
        await options.CloseAsync();
    }

    private async Task SetFrictionAsync(string friction, int above)
    {
        var options = await browser.Context.NewPageAsync();
        await options.GotoAsync(browser.Session.ExtensionPage("options.html"));
        await options.CheckAsync($"input[name=friction][value={friction}]");
        await options.FillAsync("#type-above", above.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await options.Locator("#type-above").DispatchEventAsync("change");
        await options.WaitForTimeoutAsync(200);
        await options.CloseAsync();
    }
}
