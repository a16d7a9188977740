using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Platforms.Intl;

namespace ReceiptGuard.Host.Parsing.Platforms.Shopee;

/// <summary>
/// The order detail page (/user/purchase/order/&lt;id&gt;): header with the SN and status, the stepper's dates, the
/// Shopee Guarantee date, shop, products, logistics, the payment summary, and the page's buttons.
/// </summary>
internal static partial class ShopeeDetailPage
{
    private const FieldSource Selector = FieldSource.Selector;

    public static ParsedOrder? Read(IElement root, Uri page, string? currency, List<string> notes)
    {
        var header = root.SelectFirst(".purchase-detail-page__order-id");
        var id = ShopeeSites.SerialIn(IntlText.TextOf(header)) ?? ShopeeSites.LinkedOrderId(root);
        if (id is null)
        {
            notes.Add("the detail page shows no order id");
            return null;
        }

        var statusText = IntlText.TextOf(root.SelectFirst(".purchase-detail-page__status"));
        var summary = IntlText.TextOf(root.SelectFirst(".payment-summary"));
        var total = IntlText.Amount(IntlText.TextOf(root.SelectFirst(".payment-summary__total")), currency);
        var guaranteeUntil = GuaranteeDate().Match(IntlText.TextOf(root.SelectFirst(".purchase-detail-page__actions-text")) ?? string.Empty);
        return new ParsedOrder(
            new Sourced<string>(id, Selector),
            Sourced(IntlText.TextOf(root.SelectFirst(".shop-section .shop-name"))),
            null,
            root.SelectAll(".order-items .order-item").Select(item => Item(item, currency)).ToArray(),
            total is { } t ? new Sourced<decimal>(t, Selector) : null,
            currency,
            Sourced(IntlText.TextOf(root.SelectFirst(".stepper__step .stepper__step-date"))),
            Sourced(statusText),
            IntlText.Status(statusText),
            Logistics(root),
            guaranteeUntil.Success ? new Sourced<string>(guaranteeUntil.Groups[1].Value, Selector) : null,
            new OrderFlags(false, false, ShopeeSites.IsCashOnDelivery(summary)),
            PageActions.In(root, page));
    }

    private static ParsedItem Item(IElement item, string? currency)
    {
        var name = item.SelectFirst(".order-item__name");
        var variation = IntlText.TextOf(item.SelectFirst(".order-item__variation"));
        var price = IntlText.Amount(IntlText.TextOf(item.LastElementChild), currency);
        // The quantity follows the title and variation inside the name block: "… x2".
        var rest = IntlText.TextOf(name)?[(IntlText.TextOf(item.SelectFirst(".order-item__title"))?.Length ?? 0)..];
        return new ParsedItem(
            Sourced(IntlText.TextOf(item.SelectFirst(".order-item__title"))),
            Sourced(variation is null ? null : Label().Replace(variation, string.Empty)),
            IntlText.Quantity(variation is null ? rest : rest?.Replace(variation, string.Empty, StringComparison.Ordinal)) is { } q ? new Sourced<int>(q, Selector) : null,
            price is { } p ? new Sourced<decimal>(p, Selector) : null,
            null);
    }

    /// <summary>The carrier and tracking number when shown, and the timeline (newest first, as Shopee lists it).</summary>
    private static ParsedLogistics? Logistics(IElement root)
    {
        var events = root.SelectAll(".timeline .timeline-item")
            .Select(e => IntlText.TextOf(e.SelectFirst(".timeline-item__text")) is { } text ? new LogisticsEvent(IntlText.TextOf(e.SelectFirst(".timeline-item__time")), text) : null)
            .OfType<LogisticsEvent>()
            .ToArray();
        var carrier = IntlText.TextOf(root.SelectFirst(".shipping-info__carrier"));
        var tracking = IntlText.TextOf(root.SelectFirst(".shipping-info__tracking-no"));
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

    /// <summary>"Variation: Black" / "Variasi: Merah" → the value.</summary>
    [GeneratedRegex(@"^[^:]{1,20}:\s*")]
    private static partial Regex Label();

    /// <summary>"holds your payment until 09-11-2026" / "menahan dana hingga 20-11-2026".</summary>
    [GeneratedRegex(@"(?:until|hingga|sampai)\s+(\d{2}-\d{2}-\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex GuaranteeDate();
}
