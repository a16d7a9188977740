using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Platforms.Intl;

namespace ReceiptGuard.Host.Parsing.Platforms.Lazada;

/// <summary>One order of My Orders: "Order #…", "Placed on …", shop, items with "Qty:" and a status capsule, buttons.</summary>
internal static class LazadaListCard
{
    private const FieldSource Selector = FieldSource.Selector;

    public static ParsedOrder? Read(IElement card, Uri page, string? currency, List<string> notes)
    {
        var id = LazadaText.OrderId(IntlText.TextOf(card.SelectFirst(".order-no")));
        if (id is null)
        {
            notes.Add("an order card without an order number was skipped");
            return null;
        }

        var statusText = IntlText.TextOf(card.SelectFirst(".item-row .capsule"));
        return new ParsedOrder(
            new Sourced<string>(id, Selector),
            Sourced(IntlText.TextOf(card.SelectFirst(".shop-name"))),
            null,
            card.SelectAll(".item-row").Select(Item).ToArray(),
            null,
            currency,
            Sourced(LazadaText.PlacedOn(IntlText.TextOf(card.SelectFirst(".placed")))),
            Sourced(statusText),
            IntlText.Status(statusText),
            null,
            null,
            OrderFlags.None,
            PageActions.In(card.SelectFirst(".item-actions"), page));
    }

    private static ParsedItem Item(IElement row) => new(
        Sourced(IntlText.TextOf(row.SelectFirst(".item-title"))),
        null,
        IntlText.Quantity(IntlText.TextOf(row.SelectFirst(".item-qty"))) is { } q ? new Sourced<int>(q, Selector) : null,
        null,
        null);

    private static Sourced<string>? Sourced(string? value) => value is null ? null : new Sourced<string>(value, Selector);
}
