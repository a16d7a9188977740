using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Platforms.Intl;

namespace ReceiptGuard.Host.Parsing.Platforms.Lazada;

/// <summary>
/// The order detail page: an info panel (order number, placed, payment, total) and one <c>.package</c> panel per
/// parcel with its seller, status capsule, tracking and items. The page's <c>window.__detail</c> data names the order.
/// </summary>
internal static class LazadaDetailPage
{
    private const FieldSource Selector = FieldSource.Selector;

    public static ParsedOrder? Read(IElement root, PageInput page, string? currency, List<string> notes)
    {
        var embeddedId = EmbeddedJson.Find(page.Embedded, "window.__detail")?.String("tradeOrderId");
        var shownId = LazadaText.OrderId(IntlText.TextOf(root.SelectFirst(".detail-info .order-no")));
        if (embeddedId is not null && shownId is not null && embeddedId != shownId)
        {
            notes.Add($"the page data names order {embeddedId} but the page shows {shownId}");
        }

        var id = embeddedId is not null ? new Sourced<string>(embeddedId, FieldSource.Embedded) : shownId is not null ? new Sourced<string>(shownId, Selector) : null;
        if (id is null)
        {
            notes.Add("the detail page shows no order number");
            return null;
        }

        var packages = root.SelectAll(".package").ToArray();
        if (packages.Length > 1)
        {
            notes.Add($"{packages.Length} packages; logistics shows package 1");
        }

        // Each package has its own status; the order's is all of them, and a return in any one makes it a refund.
        var statusText = string.Join(" / ", packages.Select(p => IntlText.TextOf(p.SelectFirst(".package-header .capsule"))).OfType<string>().Distinct());
        var sellers = packages.Select(p => IntlText.TextOf(p.SelectFirst(".seller-name"))).OfType<string>().Distinct().ToArray();
        var total = IntlText.Amount(IntlText.TextOf(root.SelectFirst(".detail-info .total")), currency);
        var payment = IntlText.TextOf(root.SelectFirst(".detail-info .paid"));
        return new ParsedOrder(
            id,
            sellers.Length > 0 ? new Sourced<string>(sellers[0], Selector) : null,
            null,
            packages.SelectMany(p => p.SelectAll(".item-row")).Select(row => Item(row, currency)).ToArray(),
            total is { } t ? new Sourced<decimal>(t, Selector) : null,
            currency,
            Sourced(LazadaText.PlacedOn(IntlText.TextOf(root.SelectFirst(".detail-info .placed")))),
            Sourced(statusText.Length > 0 ? statusText : null),
            IntlText.Status(statusText),
            packages.Length > 0 ? Logistics(packages[0]) : null,
            null,
            new OrderFlags(
                root.SelectFirst(".item-tag.pre-order") is not null,
                false,
                payment?.Contains("Cash on Delivery", StringComparison.OrdinalIgnoreCase) == true),
            PageActions.In(root, page.Url));
    }

    private static ParsedItem Item(IElement row, string? currency)
    {
        var price = row.SelectFirst(".item-price") ?? row.Children.FirstOrDefault(c => c.ClassList.Length == 0 && IntlText.Amount(IntlText.TextOf(c), currency) is not null && IntlText.Quantity(IntlText.TextOf(c)) is null);
        var quantity = row.Children.Select(c => IntlText.TextOf(c)).FirstOrDefault(t => t?.StartsWith("Qty", StringComparison.OrdinalIgnoreCase) == true);
        return new ParsedItem(
            Sourced(IntlText.TextOf(row.SelectFirst(".item-title"))),
            Sourced(IntlText.TextOf(row.SelectFirst(".item-sku"))),
            IntlText.Quantity(quantity) is { } q ? new Sourced<int>(q, Selector) : null,
            IntlText.Amount(IntlText.TextOf(price), currency) is { } p ? new Sourced<decimal>(p, Selector) : null,
            null);
    }

    private static ParsedLogistics? Logistics(IElement package)
    {
        var events = package.SelectAll(".tracking-line").Select(IntlText.TextOf).OfType<string>().Select(LazadaText.Event).ToArray();
        var carrier = IntlText.TextOf(package.SelectFirst(".delivery-info .carrier"));
        var tracking = IntlText.TextOf(package.SelectFirst(".delivery-info .tracking-no"));
        if (events.Length == 0 && carrier is null && tracking is null)
        {
            return null;
        }

        return new ParsedLogistics(
            Sourced(carrier),
            Sourced(tracking),
            events.Length > 0 ? new Sourced<string>(events[0].Text, Selector) : null,
            events.Length > 0 && events[0].Time is { } time ? new Sourced<string>(time, Selector) : null,
            events);
    }

    private static Sourced<string>? Sourced(string? value) => value is null ? null : new Sourced<string>(value, Selector);
}
