using System.Text.RegularExpressions;
using ReceiptGuard.Host.Parsing.Platforms.Intl;

namespace ReceiptGuard.Host.Parsing.Platforms.AliExpress;

/// <summary>
/// AliExpress (www/xx.aliexpress.com, aliexpress.us, aliexpress.ru, trade./track.aliexpress.*): the detail page's
/// embedded component data first, else the order list's <c>.order-item</c> cards.
/// </summary>
public sealed partial class AliExpressOrderParser : IOrderPageParser
{
    public const string Version = "aliexpress/1";

    public string Platform => "aliexpress";

    public bool CanParse(PageInput page) => Host().IsMatch(page.Url.Host);

    public ParsedPage Parse(PageInput page)
    {
        var kind = KindOf(page.Url);
        var notes = new List<string>();
        var detail = AliExpressDetailData.Read(page, notes);
        if (detail is not null)
        {
            return new ParsedPage(Platform, kind == PageKind.Unknown ? PageKind.Detail : kind, [detail], Version, notes);
        }

        var orders = AliExpressListCards.Read(page, notes);
        if (orders.Count == 0)
        {
            notes.Add("no embedded order data and no .order-item cards");
        }

        return new ParsedPage(Platform, kind == PageKind.Unknown && orders.Count > 0 ? PageKind.List : kind, orders, Version, notes);
    }

    private static PageKind KindOf(Uri url)
    {
        var path = url.AbsolutePath;
        return path switch
        {
            _ when path.EndsWith("/p/order/index.html", StringComparison.Ordinal) || path.EndsWith("/orderList.htm", StringComparison.OrdinalIgnoreCase) || RuList().IsMatch(path) => PageKind.List,
            _ when path.EndsWith("/p/order/detail.html", StringComparison.Ordinal) || path.EndsWith("/order_detail.htm", StringComparison.OrdinalIgnoreCase) || RuDetail().IsMatch(path) => PageKind.Detail,
            _ when path.EndsWith("/p/tracking/index.html", StringComparison.Ordinal) || path.EndsWith("/logisticsdetail.htm", StringComparison.OrdinalIgnoreCase) => PageKind.Logistics,
            _ => PageKind.Unknown,
        };
    }

    [GeneratedRegex(@"(^|\.)aliexpress\.(com|us|ru)$", RegexOptions.IgnoreCase)]
    private static partial Regex Host();

    [GeneratedRegex(@"^/order-list/?$")]
    private static partial Regex RuList();

    [GeneratedRegex(@"^/order-list/\d+/?$")]
    private static partial Regex RuDetail();
}
