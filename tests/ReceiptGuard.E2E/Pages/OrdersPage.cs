using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E.Pages;

/// <summary>The orders list ("/orders"): the search box, the platform, decision, status and date filters, and the rows.</summary>
public sealed class OrdersPage(IPage page, Uri host)
{
    public IPage Page { get; } = page;

    public ILocator Search => Page.Locator("#orders-q");

    public ILocator Platform => Page.Locator("#orders-platform");

    public ILocator Decision => Page.Locator("#orders-decision");

    public ILocator Status => Page.Locator("#orders-status");

    public ILocator From => Page.Locator("#orders-from");

    public ILocator To => Page.Locator("#orders-to");

    public ILocator Rows => Page.Locator("#orders tbody tr");

    /// <summary>"Orders found: N".</summary>
    public ILocator Count => Page.Locator("#orders-count");

    public ILocator Empty => Page.Locator("#orders-empty");

    public ILocator Row(string orderId) => Page.Locator($"#orders tbody tr[data-order=\"{orderId}\"]");

    public ILocator RowPlatform(string orderId) => Row(orderId).Locator("td.platform");

    public ILocator RowStatus(string orderId) => Row(orderId).Locator("td.status");

    public ILocator RowDecision(string orderId) => Row(orderId).Locator("td.decision");

    /// <summary>Opens "/orders" with <paramref name="query"/> ("?platform=jd") and waits for the list and the live link.</summary>
    public async Task GotoAsync(string query = "")
    {
        await Page.GotoAsync(new Uri(host, "/orders" + query).ToString());
        await WaitUntilLoadedAsync();
    }

    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await WaitUntilLoadedAsync();
    }

    /// <summary>The count line is written by the first load; the hub connection comes after it.</summary>
    public async Task WaitUntilLoadedAsync()
    {
        await Expect(Count).Not.ToBeEmptyAsync();
        await Expect(Page.Locator("#live")).ToHaveAttributeAsync("data-state", "connected");
    }

    public async Task SearchAsync(string query)
    {
        await Search.FillAsync(query);
        await Page.Locator("#orders-form button[type=submit]").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"[?&]q="));
    }

    /// <summary>Each filter applies as soon as it changes (no submit).</summary>
    public Task FilterByPlatformAsync(string platform) => Platform.SelectOptionAsync(platform);

    public Task FilterByDecisionAsync(string decision) => Decision.SelectOptionAsync(decision);

    public Task FilterByStatusAsync(string status) => Status.SelectOptionAsync(status);

    /// <summary>yyyy-mm-dd, as the date inputs take it.</summary>
    public Task FilterFromAsync(string date) => From.FillAsync(date);

    public async Task ClearAsync()
    {
        await Page.Locator("#orders-clear").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/orders$"));
    }

    /// <summary>Follows the order id's link to the order page.</summary>
    public async Task<OrderPage> OpenAsync(string orderId)
    {
        await Row(orderId).GetByRole(AriaRole.Link, new() { Name = orderId }).ClickAsync();
        await Page.WaitForURLAsync($"**/orders/{orderId}");
        var opened = new OrderPage(Page, orderId);
        await opened.WaitUntilLoadedAsync();
        return opened;
    }
}
