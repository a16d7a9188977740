using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E.Pages;

/// <summary>"/guide?order=…": the steps for an order confirmed by mistake and the seller messages.</summary>
public sealed class GuidePage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Steps => Page.Locator("#guide-steps > li");

    public ILocator MessageZh => Page.Locator("#message-zh");

    public ILocator MessageEn => Page.Locator("#message-en");

    /// <summary>Filled once the order's facts are read: the Chinese message names the order.</summary>
    public Task WaitUntilFilledAsync(string orderId) =>
        Expect(MessageZh).ToHaveValueAsync(new Regex($"订单号：{orderId}"), new() { Timeout = 15_000 });
}
