using ReceiptGuard.Host.Parsing.Platforms.Intl;

namespace ReceiptGuard.Host.Parsing.Platforms.Shopee;

/// <summary>
/// Shopee's country sites (shopee.sg, .com.my, .co.id …): a React app whose order data comes from its API after load,
/// so a saved page has none embedded and the parser reads the rendered markup: the purchase list's order cards or
/// the order detail page.
/// </summary>
public sealed class ShopeeOrderParser : IOrderPageParser
{
    public const string Version = "shopee/1";

    public string Platform => "shopee";

    public bool CanParse(PageInput page) => ShopeeSites.CurrencyOf(page.Url.Host) is not null;

    public ParsedPage Parse(PageInput page)
    {
        var notes = new List<string>();
        var currency = ShopeeSites.CurrencyOf(page.Url.Host);
        if (page.Document.SelectFirst(".purchase-detail-page") is { } detail)
        {
            var order = ShopeeDetailPage.Read(detail, page.Url, currency, notes);
            return new ParsedPage(Platform, PageKind.Detail, order is null ? [] : [order], Version, notes);
        }

        IReadOnlyList<ParsedOrder> orders = page.Document.SelectAll(".purchase-list-page__checkout-card-wrapper")
            .Select(card => ShopeeListCard.Read(card, page.Url, currency, notes))
            .OfType<ParsedOrder>()
            .ToArray();
        if (orders.Count == 0)
        {
            orders = ShopeeLabelledCards.Read(page.Document, page.Url, currency, notes);
        }

        if (orders.Count == 0)
        {
            notes.Add("no order cards and no order detail on this page");
        }

        return new ParsedPage(Platform, orders.Count > 0 ? PageKind.List : PageKind.Unknown, orders, Version, notes);
    }
}
