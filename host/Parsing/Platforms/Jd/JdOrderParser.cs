using ReceiptGuard.Host.Parsing.Platforms.ChinaShops;

namespace ReceiptGuard.Host.Parsing.Platforms.Jd;

/// <summary>
/// JD (京东) PC order pages. They are server-rendered, so the data is read from JD's own markup: the list's
/// <c>tbody id="tb-&lt;order id&gt;"</c> blocks, the detail page's state panel, goods table and parcel panels.
/// </summary>
public sealed class JdOrderParser : IOrderPageParser
{
    public const string Version = "jd/1";

    public string Platform => "jd";

    public bool CanParse(PageInput page)
    {
        var host = page.Url.Host;
        return (host == "jd.com" || host.EndsWith(".jd.com", StringComparison.OrdinalIgnoreCase)) && KindOf(page) != PageKind.Unknown;
    }

    public ParsedPage Parse(PageInput page)
    {
        var notes = new List<string>();
        var kind = KindOf(page);
        var orders = kind == PageKind.List
            ? JdListReader.Read(page, notes)
            : JdDetailReader.Read(page, notes);
        if (orders.Count == 0)
        {
            notes.Add("no JD order found on the page");
        }

        return new ParsedPage(Platform, kind, orders, Version, notes);
    }

    /// <summary>By address first (the extension's page patterns), then by the markup when the address is unusual.</summary>
    private static PageKind KindOf(PageInput page)
    {
        var path = page.Url.AbsolutePath;
        if (path.EndsWith("/center/list.action", StringComparison.OrdinalIgnoreCase) || path.Contains("/order/orderlist_", StringComparison.OrdinalIgnoreCase))
        {
            return PageKind.List;
        }

        if (path.EndsWith("/item.action", StringComparison.OrdinalIgnoreCase) || path.Contains("/order/n_detail", StringComparison.OrdinalIgnoreCase))
        {
            return PageKind.Detail;
        }

        if (page.Document.SelectFirst("tbody[id^='tb-']") is not null)
        {
            return PageKind.List;
        }

        return page.Document.SelectFirst(".state-top") is not null && ChinaShopText.Squash(page.Document.SelectFirst(".state-top")!.AllText()).Contains("订单号", StringComparison.Ordinal)
            ? PageKind.Detail
            : PageKind.Unknown;
    }
}
