using System.Text;
using ReceiptGuard.Testing;

namespace ReceiptGuard.E2E.Infrastructure;

/// <summary>
/// Real shop fixture pages (tests/fixtures/shops) as snapshots the host's parsers read into orders, with the order id
/// and status text swapped where a test needs its own order or a status change.
/// </summary>
public static class ShopPages
{
    /// <summary>The order in taobao/detail-custom.html (木作家手工定制店, 实木书桌).</summary>
    public const string TaobaoOrderId = "3421987654321098765";

    /// <summary>The order in jd/detail-parcels.html (京东自营, 无线降噪蓝牙耳机).</summary>
    public const string JdOrderId = "281234567890";

    private const string TaobaoStatus = "卖家已发货";

    static ShopPages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A fixture page as text: the Chinese shops' pages are saved as GBK, the rest as UTF-8.</summary>
    public static string Read(string platform, string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.ShopFixtures, platform, file));
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        return head.Contains("charset=\"gbk\"", StringComparison.OrdinalIgnoreCase) || head.Contains("charset=gbk", StringComparison.OrdinalIgnoreCase)
            ? Encoding.GetEncoding("GB18030").GetString(bytes)
            : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>A fresh 19-digit Taobao-style order id, so tests sharing a host do not see each other's orders.</summary>
    public static string NewTaobaoId() => $"34{Random.Shared.NextInt64(0, 100_000_000_000_000_000):D17}";

    /// <summary>A fresh 12-digit JD-style order id.</summary>
    public static string NewJdId() => $"29{Random.Shared.NextInt64(0, 10_000_000_000):D10}";

    /// <summary>
    /// Taobao's order detail page for <paramref name="orderId"/> saying <paramref name="status"/> (in the page's
    /// embedded data and its visible text), with <paramref name="extraBody"/> added at the end of the body.
    /// </summary>
    public static CapturedPage TaobaoDetail(string orderId, string status = TaobaoStatus, string extraBody = "")
    {
        var html = Read("taobao", "detail-custom.html")
            .Replace(TaobaoOrderId, orderId, StringComparison.Ordinal)
            .Replace(TaobaoStatus, status, StringComparison.Ordinal)
            .Replace(JsEscaped(TaobaoStatus), JsEscaped(status), StringComparison.Ordinal)
            .Replace("</body>", extraBody + "</body>", StringComparison.Ordinal);
        return new CapturedPage(html, "已买到的宝贝 - 交易详情")
        {
            Url = $"https://buyertrade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId={orderId}",
            Site = "taobao",
            OrderHint = orderId,
        };
    }

    /// <summary>JD's order detail page (two parcels) for <paramref name="orderId"/>.</summary>
    public static CapturedPage JdDetail(string orderId) => new(Read("jd", "detail-parcels.html").Replace(JdOrderId, orderId, StringComparison.Ordinal), "订单详情 - 京东")
    {
        Url = $"https://details.jd.com/normal/item.action?orderid={orderId}&PassKey=3F2A9C1D7E5B4A60",
        Site = "jd",
        OrderHint = orderId,
    };

    /// <summary>Any fixture page as it is, at the address its golden file names.</summary>
    public static CapturedPage Fixture(string platform, string file, string title, string url, string orderHint) =>
        new(Read(platform, file), title) { Url = url, Site = platform, OrderHint = orderHint };

    /// <summary>The page's embedded JSON writes Chinese as \uXXXX escapes.</summary>
    private static string JsEscaped(string text) => string.Concat(text.Select(c => $"\\u{(int)c:x4}"));
}
