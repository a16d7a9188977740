using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ReceiptGuard.Host.Parsing.Platforms.Taobao;

/// <summary>
/// Orders from Taobao-family markup, for pages (or orders) the embedded data does not cover: list rows
/// (<c>.js-order-container[data-id]</c>) and the detail page's status box, info list and items. Values from the
/// platform's elements are <see cref="FieldSource.Selector"/>; values found next to a label (运单号：…) are
/// <see cref="FieldSource.Label"/>.
/// </summary>
internal static partial class TaobaoMarkupOrders
{
    private const string RowSelector = ".js-order-container[data-id], #J_bought_main div[data-id], [data-order-id].trade-order-mainwrap";

    public static IReadOnlyList<ParsedOrder> List(IDocument document, Uri page) =>
        document.SelectAll(RowSelector)
            .Select(row => Row(row, page))
            .OfType<ParsedOrder>()
            .DistinctBy(o => o.OrderId.Value)
            .ToArray();

    public static ParsedOrder? Detail(IDocument document, Uri page)
    {
        var scope = document.SelectFirst("#J_trade_detail, .trade-detail, #detail-panel") ?? document.Body;
        if (scope is null)
        {
            return null;
        }

        var text = TaobaoText.Clean(scope.AllText());
        var id = Selected(scope, ".order-num, .order-id")
                 ?? (OrderIdLabel().Match(text) is { Success: true } m ? new Sourced<string>(m.Groups[1].Value, FieldSource.Label) : null);
        if (id is null || !Digits().IsMatch(id.Value))
        {
            return null;
        }

        var status = Selected(scope, ".status-box h3, .status-text, .order-status");
        if (status is not null)
        {
            status = status with { Value = StatusPrefix().Replace(status.Value, "") };
        }

        return new ParsedOrder(
            id,
            Selected(scope, ".shop-name"),
            Selected(scope, ".seller-nick"),
            scope.SelectAll(".item-list .item, .order-item").Select(Item).ToArray(),
            Amount(scope.SelectFirst(".total strong, .total .price")) ?? LabelledAmount(text),
            "CNY",
            Selected(scope, ".create-time") ?? Labelled(text, OrderTimeLabel()),
            status,
            TaobaoText.Status(status?.Value),
            Logistics(scope, text),
            Countdown(scope),
            TaobaoFlags.From([text]),
            Actions(scope, page));
    }

    private static ParsedOrder? Row(IElement row, Uri page)
    {
        var id = row.GetAttribute("data-id") ?? row.GetAttribute("data-order-id");
        // The id must be the page's own: the row's attribute, and only when it is an order number.
        if (id is null || !Digits().IsMatch(id))
        {
            return null;
        }

        var status = Selected(row, ".status > span, .status-text");
        return new ParsedOrder(
            new Sourced<string>(id, FieldSource.Selector),
            Selected(row, ".shop-name"),
            Selected(row, ".seller-nick"),
            row.SelectAll(".item").Select(Item).ToArray(),
            Amount(row.SelectFirst(".total strong, .real-total")),
            "CNY",
            Selected(row, ".create-time"),
            status,
            TaobaoText.Status(status?.Value),
            null,
            Countdown(row),
            TaobaoFlags.From([row.AllText()]),
            Actions(row, page));
    }

    /// <summary>An item and the price cell of its line (the row's <c>.price</c>: "￥129.00 ×1").</summary>
    private static ParsedItem Item(IElement item)
    {
        var line = item.ParentElement ?? item;
        var title = Selected(item, ".item-title") ?? Selected(item, "a");
        var sku = Selected(item, ".sku") ?? Selected(item, "p");
        var price = item.SelectFirst(".price") ?? line.SelectFirst(".price");
        var quantityText = (item.SelectFirst(".quantity") ?? price)?.AllText();
        var quantity = quantityText is null ? null : Quantity().Match(TaobaoText.ToHalfWidth(quantityText));
        return new ParsedItem(
            title,
            sku,
            quantity is { Success: true } && int.TryParse(quantity.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var count) ? new Sourced<int>(count, FieldSource.Selector) : null,
            Amount(price),
            null);
    }

    private static ParsedLogistics? Logistics(IElement scope, string text)
    {
        var carrier = Labelled(text, CarrierLabel());
        var number = Labelled(text, TrackingLabel());
        var events = scope.SelectAll(".logistics-list li, .trace-list li")
            .Select(li => new LogisticsEvent(
                li.SelectFirst(".time") is { } time ? TaobaoText.Clean(time.AllText()) : null,
                TaobaoText.Clean((li.SelectFirst(".text") ?? li).AllText())))
            .Where(e => e.Text.Length > 0)
            .ToArray();
        if (carrier is null && number is null && events.Length == 0)
        {
            return null;
        }

        // The trace lists newest first, as Taobao shows it.
        var latest = events.FirstOrDefault();
        return new ParsedLogistics(
            carrier,
            number,
            latest is null ? null : new Sourced<string>(latest.Text, FieldSource.Selector),
            latest?.Time is { } at ? new Sourced<string>(at, FieldSource.Selector) : null,
            events);
    }

    private static PageAction[] Actions(IElement scope, Uri page) =>
        scope.SelectAll("a, button")
            .Select(e => TaobaoActions.From(page, null, e.AllText(), e.LocalName == "a" ? e.GetAttribute("href") : null))
            .OfType<PageAction>()
            .DistinctBy(a => (a.Kind, a.Url))
            .ToArray();

    private static Sourced<string>? Countdown(IElement scope) =>
        TaobaoText.Countdown(scope.SelectFirst(".countdown")?.AllText()) is { } left ? new Sourced<string>(left, FieldSource.Selector) : null;

    private static Sourced<string>? Selected(IElement scope, string selector) =>
        scope.SelectFirst(selector) is { } element && TaobaoText.Clean(element.AllText()) is { Length: > 0 } text
            ? new Sourced<string>(text, FieldSource.Selector)
            : null;

    private static Sourced<decimal>? Amount(IElement? element) =>
        TaobaoText.Amount(element?.AllText()) is { } value ? new Sourced<decimal>(value, FieldSource.Selector) : null;

    private static Sourced<decimal>? LabelledAmount(string text) =>
        TotalLabel().Match(text) is { Success: true } m && TaobaoText.Amount(m.Groups[1].Value) is { } value ? new Sourced<decimal>(value, FieldSource.Label) : null;

    private static Sourced<string>? Labelled(string text, Regex label) =>
        label.Match(text) is { Success: true } m ? new Sourced<string>(m.Groups[1].Value.Trim(), FieldSource.Label) : null;

    [GeneratedRegex(@"^\d{6,24}$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"[×xX*]\s*(\d+)")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"^\s*当前订单状态\s*[:：]\s*")]
    private static partial Regex StatusPrefix();

    [GeneratedRegex(@"订单(?:编号|号)\s*[:：]\s*(\d{6,24})")]
    private static partial Regex OrderIdLabel();

    [GeneratedRegex(@"(?:成交时间|创建时间|下单时间)\s*[:：]\s*(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?)")]
    private static partial Regex OrderTimeLabel();

    [GeneratedRegex(@"实付款\s*[:：]?\s*([￥¥]?\s*[\d,，.．０-９]+)")]
    private static partial Regex TotalLabel();

    [GeneratedRegex(@"(?:物流公司|快递公司|承运人|物流)\s*[:：]\s*([^\s:：]+)")]
    private static partial Regex CarrierLabel();

    [GeneratedRegex(@"(?:运单号|快递单号|物流单号|运单编号)\s*[:：]\s*([A-Za-z0-9]{6,40})")]
    private static partial Regex TrackingLabel();
}
