using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Platforms.Intl;

namespace ReceiptGuard.Host.Parsing.Platforms.AliExpress;

/// <summary>
/// The order list's cards: <c>.order-item</c> with the status, "Order date: … Order ID: …Copy" header, store, one
/// <c>.order-item-content-info</c> per product ("US $4.25x2") and "Total:US $8.50".
/// </summary>
internal static partial class AliExpressListCards
{
    private const FieldSource Selector = FieldSource.Selector;

    public static IReadOnlyList<ParsedOrder> Read(PageInput page, List<string> notes)
    {
        var orders = new List<ParsedOrder>();
        foreach (var card in page.Document.SelectAll(".order-item"))
        {
            var header = IntlText.TextOf(card.SelectFirst(".order-item-header-right-info")) ?? string.Empty;
            // The "Copy" button's text follows the digits with no space: read digits only.
            var id = OrderId().Match(header);
            if (!id.Success)
            {
                notes.Add("an .order-item card without an order id was skipped");
                continue;
            }

            var totalText = IntlText.TextOf(card.SelectFirst(".order-item-content-opt-price-total"));
            var currency = CurrencyOf(totalText);
            var statusText = IntlText.TextOf(card.SelectFirst(".order-item-header-status-text"));
            var date = OrderDate().Match(header);
            orders.Add(new ParsedOrder(
                new Sourced<string>(id.Groups[1].Value, Selector),
                Sourced(IntlText.TextOf(card.SelectFirst(".order-item-store-name"))),
                null,
                card.SelectAll(".order-item-content-info").Select(info => Item(info, currency)).ToArray(),
                IntlText.Amount(totalText, currency) is { } total ? new Sourced<decimal>(total, Selector) : null,
                currency,
                date.Success ? new Sourced<string>(date.Groups[1].Value.Trim(), Selector) : null,
                Sourced(statusText),
                IntlText.Status(statusText),
                null,
                null,
                OrderFlags.None,
                PageActions.In(card.SelectFirst(".order-item-btns"), page.Url)));
        }

        return orders;
    }

    private static ParsedItem Item(IElement info, string? currency)
    {
        var number = IntlText.TextOf(info.SelectFirst(".order-item-content-info-number"));
        return new ParsedItem(
            Sourced(IntlText.TextOf(info.SelectFirst(".order-item-content-info-name"))),
            Sourced(IntlText.TextOf(info.SelectFirst(".order-item-content-info-sku"))),
            IntlText.Quantity(number) is { } quantity ? new Sourced<int>(quantity, Selector) : null,
            IntlText.Amount(number, currency) is { } price ? new Sourced<decimal>(price, Selector) : null,
            null);
    }

    /// <summary>The currency a price text is written in: "US $" and the symbols of the sites' other currencies.</summary>
    public static string? CurrencyOf(string? text) => text switch
    {
        null => null,
        _ when text.Contains("US $", StringComparison.Ordinal) => "USD",
        _ when text.Contains('€') => "EUR",
        _ when text.Contains('£') => "GBP",
        _ when text.Contains("руб", StringComparison.Ordinal) || text.Contains('₽') => "RUB",
        _ => null,
    };

    private static Sourced<string>? Sourced(string? value) => value is null ? null : new Sourced<string>(value, Selector);

    [GeneratedRegex(@"Order\s*ID\s*:?\s*(\d{8,20})", RegexOptions.IgnoreCase)]
    private static partial Regex OrderId();

    [GeneratedRegex(@"Order\s*date\s*:?\s*(.+?)(?=Order\s*ID|$)", RegexOptions.IgnoreCase)]
    private static partial Regex OrderDate();
}
