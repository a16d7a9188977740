using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E.Pages;

/// <summary>"/stats": the totals, the month chart (an svg with role=img) and the month and platform tables.</summary>
public sealed class StatsPage(IPage page, Uri host)
{
    public IPage Page { get; } = page;

    public ILocator Held => Page.Locator("#stats-held");

    public ILocator Confirmed => Page.Locator("#stats-confirmed");

    public ILocator Cancelled => Page.Locator("#stats-cancelled");

    public ILocator Manual => Page.Locator("#stats-manual");

    public ILocator Empty => Page.Locator("#stats-empty");

    public ILocator Chart => Page.Locator("#stats-chart svg[role=img]");

    public ILocator MonthRows => Page.Locator("#stats-months tbody tr");

    /// <summary>The month table's row for "2026-11".</summary>
    public ILocator MonthRow(string month) => Page.Locator($"#stats-months tbody tr[data-month=\"{month}\"]");

    public ILocator PlatformRows => Page.Locator("#stats-platforms tbody tr");

    public ILocator PlatformRow(string platform) => Page.Locator($"#stats-platforms tbody tr[data-platform=\"{platform}\"]");

    public async Task GotoAsync()
    {
        await Page.GotoAsync(new Uri(host, "/stats").ToString());
        await Expect(Page.Locator("#stats-content")).ToBeVisibleAsync();
        await Expect(Page.Locator("#live")).ToHaveAttributeAsync("data-state", "connected");
    }
}
