using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Platforms.Intl;

namespace ReceiptGuard.Host.Parsing.Platforms.Shopee;

/// <summary>
/// One card of the purchase list: shop, status ("To Receive"), products with "Variation: … · x2" and their price,
/// "Order Total", the "Confirm receipt by" date, a Pre-Order badge, and the buttons.
/// </summary>
internal static class ShopeeListCard
{
    private const FieldSource Selector = FieldSource.Selector;

    public static ParsedOrder? Read(IElement card, Uri page, string? currency, List<string> notes)
    {
        // The SN the buyer sees; a card without one still links to its numeric order id.
        var id = ShopeeSites.SerialIn(IntlText.TextOf(card.SelectFirst(".order-card__content"))) ?? ShopeeSites.LinkedOrderId(card);
        if (id is null)
        {
            notes.Add("an order card without an order id was skipped");
            return null;
        }

        var statusText = IntlText.TextOf(card.SelectFirst(".order-card__status-text"));
        var deadline = IntlText.TextOf(card.SelectFirst(".purchase-card-buttons__confirm-by u"));
        var total = IntlText.Amount(IntlText.TextOf(card.SelectFirst(".purchase-card-buttons__total")), currency);
        return new ParsedOrder(
            new Sourced<string>(id, Selector),
            Sourced(IntlText.TextOf(card.SelectFirst(".order-card__shop-name"))),
            null,
            card.SelectAll(".order-card__content").Select(content => Item(content, currency)).ToArray(),
            total is { } t ? new Sourced<decimal>(t, Selector) : null,
            currency,
            null,
            Sourced(statusText),
            IntlText.Status(statusText),
            null,
            Sourced(deadline),
            new OrderFlags(card.SelectFirst(".order-card__preorder") is not null, false, false),
            PageActions.In(card.SelectFirst(".purchase-card-buttons__container"), page));
    }

    private static ParsedItem Item(IElement content, string? currency)
    {
        var info = content.SelectFirst(".order-card__content-info");
        var meta = info?.SelectAll(".order-card__meta").Select(IntlText.TextOf).OfType<string>().ToArray() ?? [];
        var variation = meta.FirstOrDefault(m => m.StartsWith("Variation:", StringComparison.OrdinalIgnoreCase));
        var price = IntlText.Amount(IntlText.TextOf(content.LastElementChild), currency);
        return new ParsedItem(
            Sourced(IntlText.TextOf(info?.FirstElementChild)),
            Sourced(variation?["Variation:".Length..].Split('·')[0].Trim()),
            meta.Select(IntlText.Quantity).FirstOrDefault(q => q is not null) is { } quantity ? new Sourced<int>(quantity, Selector) : null,
            price is { } p ? new Sourced<decimal>(p, Selector) : null,
            null);
    }

    private static Sourced<string>? Sourced(string? value) => value is null ? null : new Sourced<string>(value, Selector);
}
