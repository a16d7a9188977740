using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Platforms.ChinaShops;

namespace ReceiptGuard.Host.Parsing.Platforms.Jd;

/// <summary>
/// details.jd.com/normal/item.action: one order. The state panel (<c>.state-top</c> "订单号：…", <c>.state-txt</c>),
/// the goods table (<c>tr.product-&lt;sku id&gt;</c>), <c>.goods-total .count</c> (实付款), the 订单信息 label list and
/// one <c>.package-info</c> per parcel.
/// </summary>
internal static partial class JdDetailReader
{
    public static IReadOnlyList<ParsedOrder> Read(PageInput page, List<string> notes)
    {
        var document = page.Document;
        var id = OrderNumber().Match(Text(document.SelectFirst(".state-top")) ?? "");
        if (!id.Success)
        {
            notes.Add("the state panel shows no 订单号");
            return [];
        }

        var statusText = Text(document.SelectFirst(".state-txt"));
        var orderText = ChinaShopText.Squash($"{document.SelectFirst("#orderstate")?.AllText()} {document.SelectFirst("#goods")?.AllText()}");
        var order = new ParsedOrder(
            OrderId: new Sourced<string>(id.Groups[1].Value, FieldSource.Selector),
            Shop: JdMarkup.Selected(document.SelectFirst(".shop-name a[title]")?.GetAttribute("title") ?? Text(document.SelectFirst(".shop-name"))),
            Seller: null,
            Items: Items(document),
            TotalPaid: ChinaShopText.ParseAmount(Text(document.SelectFirst(".goods-total .count"))) is { } total ? new Sourced<decimal>(total, FieldSource.Selector) : null,
            Currency: "CNY",
            OrderTime: Labelled(document, "下单时间"),
            StatusText: JdMarkup.Selected(statusText),
            Status: ChinaShopStatus.Normalize(statusText),
            Logistics: Logistics(document, notes),
            AutoConfirmDeadline: JdMarkup.Selected(ChinaShopText.Countdown(document.SelectFirst("#orderstate")?.AllText())),
            Flags: JdMarkup.Flags(orderText, Labelled(document, "付款方式")?.Value),
            Actions: document.Body is { } body ? ChinaShopActions.In([body], page.Url) : []);
        return [order];
    }

    private static List<ParsedItem> Items(IDocument document)
    {
        var items = new List<ParsedItem>();
        foreach (var row in document.SelectAll("tr[class*='product-']"))
        {
            var price = ChinaShopText.ParseAmount(Text(row.SelectFirst(".f-price")));
            // The count has no class of its own in every version of the table: a cell holding only a number.
            var count = row.SelectFirst(".p-num") ?? row.SelectAll("td").LastOrDefault(td => JdMarkup.Quantity(td.AllText()) is not null);
            items.Add(new ParsedItem(
                JdMarkup.Selected(Text(row.SelectFirst(".p-name a"))),
                JdMarkup.Selected(Text(row.SelectFirst(".p-extra"))),
                JdMarkup.Quantity(count?.AllText()),
                price is { } unit ? new Sourced<decimal>(unit, FieldSource.Selector) : null,
                null));
        }

        return items;
    }

    /// <summary>
    /// Every parcel's panel. With several parcels the tracking numbers (and carriers, when they differ) are listed
    /// together and the events merged newest first, so the latest event is the order's latest, whichever parcel.
    /// </summary>
    private static ParsedLogistics? Logistics(IDocument document, List<string> notes)
    {
        var parcels = document.SelectAll(".package-info, .disp-info").ToList();
        if (parcels.Count == 0 && document.SelectFirst(".p-info")?.ParentElement is { } single)
        {
            parcels.Add(single);
        }

        if (parcels.Count == 0)
        {
            return null;
        }

        var numbers = new List<string>();
        var carriers = new List<string>();
        var events = new List<LogisticsEvent>();
        foreach (var parcel in parcels)
        {
            foreach (var line in parcel.SelectAll(".p-info li").Select(li => Text(li) ?? ""))
            {
                if (TrackingLine().Match(line) is { Success: true } number && !numbers.Contains(number.Groups[1].Value))
                {
                    numbers.Add(number.Groups[1].Value);
                }
                else if (CarrierLine().Match(line) is { Success: true } carrier && !carriers.Contains(carrier.Groups[1].Value))
                {
                    carriers.Add(carrier.Groups[1].Value);
                }
            }

            events.AddRange(parcel.SelectAll(".track-list li").Select(li =>
                Text(li.SelectFirst(".date")) is { } date
                    ? new LogisticsEvent(date, Text(li.SelectFirst(".txt")) ?? "")
                    : SplitEvent(Text(li) ?? "")));
        }

        if (parcels.Count > 1)
        {
            notes.Add($"{parcels.Count} parcels: their tracking numbers are listed together and their events merged, newest first");
        }

        // Times are "yyyy-MM-dd HH:mm:ss", so ordinal order is time order; OrderBy is stable for equal times.
        var ordered = events.OrderByDescending(e => e.Time ?? "", StringComparer.Ordinal).ToList();
        var latest = ordered.FirstOrDefault();
        return new ParsedLogistics(
            JdMarkup.Selected(carriers.Count > 0 ? string.Join(", ", carriers) : null),
            JdMarkup.Selected(numbers.Count > 0 ? string.Join(", ", numbers) : null),
            JdMarkup.Selected(latest?.Text),
            JdMarkup.Selected(latest?.Time),
            ordered);
    }

    private static LogisticsEvent SplitEvent(string line)
    {
        var (time, text) = ChinaShopText.SplitLeadingTime(line);
        return new LogisticsEvent(time, text);
    }

    /// <summary>The value after a label of the 订单信息 list ("下单时间：2026-11-16 10:02:11").</summary>
    private static Sourced<string>? Labelled(IDocument document, string label)
    {
        foreach (var item in document.SelectAll(".info-list li"))
        {
            var text = Text(item) ?? "";
            if (text.StartsWith(label, StringComparison.Ordinal))
            {
                var value = text[label.Length..].TrimStart('：', ':', ' ');
                return value is { Length: > 0 } and not "—" and not "-" ? new Sourced<string>(value, FieldSource.Label) : null;
            }
        }

        return null;
    }

    private static string? Text(IElement? element) => element is null ? null : ChinaShopText.Squash(element.AllText()) is { Length: > 0 } text ? text : null;

    [GeneratedRegex(@"订单号\s*[：:]\s*(\d{6,24})")]
    private static partial Regex OrderNumber();

    [GeneratedRegex(@"(?:货运单号|运单号|快递单号|单号)\s*[：:]\s*([A-Za-z0-9]+)")]
    private static partial Regex TrackingLine();

    [GeneratedRegex(@"(?:承运人|快递公司|物流公司)\s*[：:]\s*(\S+)")]
    private static partial Regex CarrierLine();
}
