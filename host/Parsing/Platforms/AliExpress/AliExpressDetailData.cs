using System.Globalization;
using System.Text.Json;
using ReceiptGuard.Host.Parsing.Platforms.Intl;

namespace ReceiptGuard.Host.Parsing.Platforms.AliExpress;

/// <summary>
/// The order detail page's data: <c>window._dida_config_._init_data_ = { data: { data: { &lt;component id&gt;: { type,
/// fields } } } }</c>, one component per block the page renders (status, order info, store, each product, price, each
/// package, buttons).
/// </summary>
internal static class AliExpressDetailData
{
    private const FieldSource Embedded = FieldSource.Embedded;

    public static ParsedOrder? Read(PageInput page, List<string> notes)
    {
        if (EmbeddedJson.Find(page.Embedded, "_init_data_") is not { } root
            || root.Member("data")?.Member("data") is not { ValueKind: JsonValueKind.Object } components)
        {
            return null;
        }

        var byType = components.EnumerateObject()
            .Select(c => (Type: c.Value.String("type") ?? string.Empty, Fields: c.Value.Member("fields")))
            .Where(c => c.Fields is not null)
            .Select(c => (c.Type, Fields: c.Fields!.Value))
            .ToLookup(c => c.Type, c => c.Fields);
        var info = byType["pc_om_order_info"].FirstOrDefault();
        var orderId = info.ValueKind == JsonValueKind.Object ? info.String("orderId") : null;
        if (orderId is null)
        {
            notes.Add("the embedded data has no order id");
            return null;
        }

        var status = byType["pc_om_status"].FirstOrDefault();
        var store = byType["pc_om_store"].FirstOrDefault();
        var total = byType["pc_om_price"].FirstOrDefault().Member("total");
        var statusText = status.String("statusText");
        var packages = byType["pc_om_package"].ToArray();
        if (packages.Length > 1)
        {
            notes.Add($"{packages.Length} packages: {string.Join(", ", packages.Select(p => $"{p.String("trackingNumber")} ({p.String("carrier")})"))}; logistics shows the first");
        }

        return new ParsedOrder(
            new Sourced<string>(orderId, Embedded),
            Sourced(store.String("storeName")),
            null,
            byType["pc_om_product"].Select(Item).ToArray(),
            Money(total),
            total?.String("currency") ?? byType["pc_om_product"].Select(p => p.Member("paidAmount")?.String("currency")).FirstOrDefault(c => c is not null),
            Sourced(info.String("orderTime")),
            Sourced(statusText),
            AliExpressStatus.FromCode(status.String("statusCode")) ?? IntlText.Status(statusText),
            packages.Length > 0 ? Logistics(packages[0]) : null,
            Sourced(status.String("autoConfirmTime")),
            OrderFlags.None,
            Actions(byType["pc_om_buttons"].FirstOrDefault(), page.Url));
    }

    private static ParsedItem Item(JsonElement product) => new(
        Sourced(product.String("productName")),
        Sourced(product.String("skuText")),
        int.TryParse(product.String("quantity"), CultureInfo.InvariantCulture, out var quantity) ? new Sourced<int>(quantity, Embedded) : null,
        Money(product.Member("unitPrice")),
        Money(product.Member("paidAmount")));

    /// <summary>A money object: its plain value, else its formatted text in the currency's own style ("19,80 €").</summary>
    private static Sourced<decimal>? Money(JsonElement? money)
    {
        if (money is not { } m)
        {
            return null;
        }

        var value = decimal.TryParse(m.String("value"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var plain)
            ? plain
            : IntlText.Amount(m.String("formatted"), m.String("currency"));
        return value is { } v ? new Sourced<decimal>(v, Embedded) : null;
    }

    private static ParsedLogistics Logistics(JsonElement package)
    {
        var events = package.Array("events")
            .Select(e => e.String("text") is { } text ? new LogisticsEvent(e.String("time"), text) : null)
            .OfType<LogisticsEvent>()
            .ToArray();
        return new ParsedLogistics(
            Sourced(package.String("carrier")),
            Sourced(package.String("trackingNumber")),
            events.Length > 0 ? new Sourced<string>(events[0].Text, Embedded) : null,
            events.Length > 0 && events[0].Time is { } time ? new Sourced<string>(time, Embedded) : null,
            events);
    }

    private static PageAction[] Actions(JsonElement buttons, Uri page) => buttons.ValueKind == JsonValueKind.Object
        ? buttons.Array("buttons")
            .Select(b => (Text: b.String("text"), Url: b.String("url"), Kind: AliExpressStatus.ActionKind(b.String("code")) ?? PageActions.KindOf(b.String("text") ?? string.Empty)))
            .Where(b => b is { Text: not null, Kind: not null })
            .Select(b => new PageAction(b.Kind!, b.Text!, IntlText.AbsoluteUrl(page, b.Url)))
            .ToArray()
        : [];

    private static Sourced<string>? Sourced(string? value) => value is null ? null : new Sourced<string>(value, Embedded);
}
