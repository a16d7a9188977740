using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Text;

namespace ReceiptGuard.Host.Parsing.Generic;

/// <summary>One order read from one container by generic labels and class-name hints; every value is <see cref="FieldSource.Label"/>.</summary>
public static class LabelledOrderReader
{
    private const int MaxStatusLength = 12;

    public static ParsedOrder? Read(IElement container, Uri pageUrl)
    {
        var text = VisibleText.Of(container);
        var id = OrderLabels.OrderId().Match(text);
        if (!id.Success)
        {
            return null;
        }

        var total = TotalOf(text) ?? TotalByClass(container);
        var statusText = StatusOf(container);
        return new ParsedOrder(
            OrderId: Labelled(id.Groups["id"].Value)!,
            Shop: ShopOf(container, text),
            Seller: null,
            Items: ItemsOf(container),
            TotalPaid: total is null ? null : new Sourced<decimal>(total.Value, FieldSource.Label),
            Currency: total?.Currency ?? FirstCurrency(text),
            OrderTime: OrderTimeOf(text),
            StatusText: Labelled(statusText),
            Status: StatusText.Normalize(statusText),
            Logistics: LogisticsOf(text),
            AutoConfirmDeadline: null,
            Flags: FlagsOf(text),
            Actions: PageActions.Find(container, pageUrl));
    }

    private static Sourced<string>? Labelled(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new Sourced<string>(value.Trim(), FieldSource.Label);

    private static Amount? TotalOf(string text) =>
        OrderLabels.Total().Match(text) is { Success: true } match ? Amounts.Parse(match.Groups["amount"].Value) : null;

    /// <summary>An element whose class says total ("order-total", "total") and whose text is one amount.</summary>
    private static Amount? TotalByClass(IElement container) =>
        container.SelectAll("[class*=total]")
            .Select(e => VisibleText.Collapse(e.AllText()))
            .Where(t => t.Length <= 24)
            .Select(Amounts.ParseWithSymbol)
            .FirstOrDefault(a => a is not null);

    private static string? FirstCurrency(string text) =>
        text.Split('\n').Select(Amounts.ParseWithSymbol).FirstOrDefault(a => a is not null)?.Currency;

    /// <summary>The labelled time, else the first bare date-time that no other label ("确认收货时间：") claims.</summary>
    private static Sourced<string>? OrderTimeOf(string text)
    {
        if (OrderLabels.OrderTime().Match(text) is { Success: true } labelled && OrderLabels.DateTime().Match(labelled.Groups["time"].Value) is { Success: true } time)
        {
            return Labelled(time.Value);
        }

        foreach (Match bare in OrderLabels.DateTime().Matches(text))
        {
            var before = text[..bare.Index].TrimEnd();
            if (!before.EndsWith(':') && !before.EndsWith('：'))
            {
                return Labelled(bare.Value);
            }
        }

        return null;
    }

    /// <summary>A "店铺：…" label, else the text of an element whose class names a shop, store, seller or company.</summary>
    private static Sourced<string>? ShopOf(IElement container, string text)
    {
        if (OrderLabels.Shop().Match(text) is { Success: true } labelled)
        {
            return Labelled(labelled.Groups["name"].Value);
        }

        var element = container.SelectAll("[class*=shop], [class*=store], [class*=seller], [class*=company]")
            .FirstOrDefault(e => VisibleText.Collapse(e.AllText()) is { Length: > 0 and <= 40 });
        return element is null ? null : Labelled(VisibleText.Collapse(element.AllText()));
    }

    /// <summary>
    /// The first line that is a status by itself and not a control's text ("取消订单" is an action, not a state);
    /// then short pieces of "·"-separated lines ("机械键盘 · ¥ 299.00 · 运输中").
    /// </summary>
    private static string? StatusOf(IElement container)
    {
        var lines = new List<string>();
        StatusCandidates(container, lines);
        return lines.FirstOrDefault(line => line.Length <= MaxStatusLength && StatusText.IsStatus(line))
            ?? lines.SelectMany(line => line.Split('·', '|', '/')).Select(piece => piece.Trim())
                .FirstOrDefault(piece => piece.Length is > 0 and <= MaxStatusLength && StatusText.IsStatus(piece));
    }

    /// <summary>
    /// The text lines outside controls and non-text elements, in document order: one walk that skips those subtrees,
    /// rather than a look up the ancestors from every text node.
    /// </summary>
    private static void StatusCandidates(IElement element, List<string> lines)
    {
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                var line = VisibleText.Squash(text.Data);
                if (line.Length > 0 && !OrderLabels.DateTime().IsMatch(line))
                {
                    lines.Add(line);
                }
            }
            else if (child is IElement inner && !NotStatusText.Contains(inner.LocalName) && inner.GetAttribute("role") != "button")
            {
                StatusCandidates(inner, lines);
            }
        }
    }

    private static readonly HashSet<string> NotStatusText = new(StringComparer.OrdinalIgnoreCase) { "a", "button", "option", "textarea", "script", "style", "template" };

    /// <summary>Items by class-name hint (name/title), innermost first; a name block's first link is the title.</summary>
    private static List<ParsedItem> ItemsOf(IElement container)
    {
        var items = new List<ParsedItem>();
        var named = container.SelectAll("[class*=name], [class*=title]")
            .Where(e => !(e.ClassName ?? "").Contains("shop", StringComparison.OrdinalIgnoreCase) && !(e.ClassName ?? "").Contains("store", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        foreach (var element in named.Where(e => !named.Any(inner => inner != e && e.Contains(inner))))
        {
            var titleElement = element.LocalName == "a" ? element : element.SelectFirst("a") ?? element;
            var title = VisibleText.Collapse(titleElement.AllText());
            // The order's header often has a "title" class too; it carries the order-id label, an item does not.
            if (title.Length == 0 || OrderLabels.OrderIdLabel().IsMatch(element.AllText()))
            {
                continue;
            }

            var quantity = (element.ParentElement is { } parent ? VisibleText.Of(parent) : "").Split('\n')
                .Select(line => OrderLabels.Quantity().Match(line.Trim()))
                .FirstOrDefault(m => m.Success);
            items.Add(new ParsedItem(
                Labelled(title),
                Sku: null,
                Quantity: quantity is null ? null : new Sourced<int>(int.Parse(quantity.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture), FieldSource.Label),
                UnitPrice: null,
                PaidAmount: null));
        }

        return items;
    }

    private static ParsedLogistics? LogisticsOf(string text)
    {
        var tracking = OrderLabels.TrackingNumber().Match(text);
        var carrier = OrderLabels.Carrier().Match(text);
        return tracking.Success || carrier.Success
            ? new ParsedLogistics(
                carrier.Success ? Labelled(carrier.Groups["name"].Value) : null,
                tracking.Success ? Labelled(tracking.Groups["id"].Value) : null,
                null, null, [])
            : null;
    }

    /// <summary>预售/定金/尾款 → presale, 定制 → custom-made, 货到付款/COD → cash on delivery.</summary>
    public static OrderFlags FlagsOf(string text) => new(
        Presale: text.Contains("预售", StringComparison.Ordinal) || text.Contains("定金", StringComparison.Ordinal) || text.Contains("尾款", StringComparison.Ordinal),
        CustomMade: text.Contains("定制", StringComparison.Ordinal),
        CashOnDelivery: OrderLabels.CashOnDelivery().IsMatch(text));
}
