using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Platforms.ChinaShops;

namespace ReceiptGuard.Host.Parsing.Platforms.Jd;

/// <summary>
/// order.jd.com/center/list.action: one <c>tbody id="tb-&lt;id&gt;"</c> per order. A split order adds a
/// <c>tbody id="parent-&lt;id&gt;"</c> header whose child orders are tb- blocks of their own; the header is no order
/// the user can act on, so only its children are returned.
/// </summary>
internal static partial class JdListReader
{
    public static IReadOnlyList<ParsedOrder> Read(PageInput page, List<string> notes)
    {
        foreach (var parent in page.Document.SelectAll("tbody[id^='parent-']"))
        {
            // Children carry the parent's id as a class; matched by class list, not a selector built from page text.
            var children = page.Document.SelectAll("tbody[id^='tb-']").Where(c => c.ClassList.Contains(parent.Id!)).Select(c => c.Id!["tb-".Length..]);
            notes.Add($"order {parent.Id!["parent-".Length..]} was split into {string.Join(", ", children)}");
        }

        var orders = new List<ParsedOrder>();
        foreach (var block in page.Document.SelectAll("tbody[id^='tb-']"))
        {
            var id = block.Id!["tb-".Length..];
            if (!OrderNumber().IsMatch(id))
            {
                notes.Add($"skipped an order block with an unexpected id \"{block.Id}\"");
                continue;
            }

            orders.Add(ReadOrder(block, id, page.Url, notes));
        }

        return orders;
    }

    private static ParsedOrder ReadOrder(IElement block, string id, Uri url, List<string> notes)
    {
        var statusText = Text(block.SelectFirst(".order-status"));
        var amountText = Text(block.SelectFirst(".amount span"));
        // "应付 ¥128.00" is what an unpaid order will cost, not what was paid.
        var due = amountText?.StartsWith("应付", StringComparison.Ordinal) == true;
        if (due)
        {
            notes.Add($"order {id} shows an amount due ({amountText}), not an amount paid");
        }

        var payment = Text(block.SelectFirst(".amount .ftx-13"));
        var blockText = ChinaShopText.Squash(block.AllText());
        return new ParsedOrder(
            OrderId: new Sourced<string>(id, FieldSource.Selector),
            Shop: JdMarkup.Selected(ShopName(block)),
            Seller: null,
            Items: Items(block),
            TotalPaid: !due && ChinaShopText.ParseAmount(amountText) is { } total ? new Sourced<decimal>(total, FieldSource.Selector) : null,
            Currency: "CNY",
            OrderTime: JdMarkup.Selected(block.SelectFirst(".dealtime") is { } time ? time.GetAttribute("title") ?? Text(time) : null),
            StatusText: JdMarkup.Selected(statusText),
            Status: ChinaShopStatus.Normalize(statusText),
            Logistics: Logistics(block),
            AutoConfirmDeadline: JdMarkup.Selected(ChinaShopText.Countdown(Text(block.SelectFirst(".confirm-countdown")))),
            Flags: JdMarkup.Flags(blockText, payment),
            Actions: ChinaShopActions.In([block], url));
    }

    /// <summary>A POP shop is a link with a title; 京东自营 a plain span.</summary>
    private static string? ShopName(IElement block) =>
        block.SelectFirst(".order-shop a[title]")?.GetAttribute("title") ?? Text(block.SelectFirst(".order-shop .shop-txt, .order-shop"));

    /// <summary>Each goods row holds a <c>.goods-item</c> and, after it, its <c>.goods-number</c> ("x2").</summary>
    private static List<ParsedItem> Items(IElement block)
    {
        var items = new List<ParsedItem>();
        foreach (var goods in block.SelectAll(".tr-bd .goods-item"))
        {
            var link = goods.SelectFirst(".p-name a");
            var title = link?.GetAttribute("title") is { Length: > 0 } t ? t : Text(link);
            var number = NextSibling(goods, "goods-number");
            items.Add(new ParsedItem(
                JdMarkup.Selected(title),
                null,
                JdMarkup.Quantity(Text(number)),
                null,
                null));
        }

        return items;
    }

    private static IElement? NextSibling(IElement element, string className)
    {
        for (var next = element.NextElementSibling; next is not null; next = next.NextElementSibling)
        {
            if (next.ClassList.Contains("goods-item"))
            {
                return null;
            }

            if (next.ClassList.Contains(className))
            {
                return next;
            }
        }

        return null;
    }

    /// <summary>The list shows one line of tracking: "2026-11-17 06:12:40 您的订单已到达…".</summary>
    private static ParsedLogistics? Logistics(IElement block)
    {
        var line = Text(block.SelectFirst(".order-logistics .lg-txt"));
        if (line is null)
        {
            return null;
        }

        var (time, text) = ChinaShopText.SplitLeadingTime(line);
        return new ParsedLogistics(null, null, JdMarkup.Selected(text), JdMarkup.Selected(time), [new LogisticsEvent(time, text)]);
    }

    private static string? Text(IElement? element) => element is null ? null : ChinaShopText.Squash(element.AllText()) is { Length: > 0 } text ? text : null;

    [GeneratedRegex(@"^\d{6,24}$")]
    private static partial Regex OrderNumber();
}
