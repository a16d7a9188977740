using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ReceiptGuard.Host.Parsing.Platforms.Shopee;

/// <summary>What every Shopee country site shares: its currency, the order SN, and links to an order.</summary>
internal static partial class ShopeeSites
{
    private static readonly Dictionary<string, string> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["shopee.sg"] = "SGD", ["shopee.com.my"] = "MYR", ["shopee.co.id"] = "IDR", ["shopee.co.th"] = "THB",
        ["shopee.vn"] = "VND", ["shopee.ph"] = "PHP", ["shopee.tw"] = "TWD", ["shopee.com.br"] = "BRL",
        ["shopee.com.mx"] = "MXN", ["shopee.com.co"] = "COP", ["shopee.cl"] = "CLP",
    };

    /// <summary>The site's currency, or null when the host is not a Shopee country site.</summary>
    public static string? CurrencyOf(string host) =>
        Currencies.GetValueOrDefault(host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host);

    /// <summary>The order SN after its label ("Order ID", "No. Pesanan" …): six date digits and eight letters or digits.</summary>
    public static string? SerialIn(string? text) => text is not null && Serial().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Every order SN and linked numeric order id at or below an element, distinct.</summary>
    public static IReadOnlySet<string> OrderIdsIn(IElement scope, string? text) =>
        Serial().Matches(text ?? string.Empty).Select(m => m.Groups[1].Value)
            .Concat(scope.SelectAll("a[href]").Select(a => DetailPath().Match(a.GetAttribute("href") ?? string.Empty)).Where(m => m.Success).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The numeric order id of the first order link at or below an element.</summary>
    public static string? LinkedOrderId(IElement scope) => scope.SelectAll("a[href]")
        .Select(a => DetailPath().Match(a.GetAttribute("href") ?? string.Empty))
        .FirstOrDefault(m => m.Success)?.Groups[1].Value;

    /// <summary>Shopee's payment words for cash on delivery in its sites' languages.</summary>
    public static bool IsCashOnDelivery(string? text) => text is not null && CashOnDelivery().IsMatch(text);

    [GeneratedRegex(@"(?:Order\s*(?:ID|SN|No\.?)|No\.?\s*Pesanan|訂單編號)\s*[.:：#]?\s*(\d{6}[0-9A-Z]{8})(?![0-9A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Serial();

    [GeneratedRegex(@"/user/purchase/order/(\d{6,20})(?:[/?#]|$)")]
    private static partial Regex DetailPath();

    [GeneratedRegex(@"Cash on Delivery|\bCOD\b|Bayar di Tempat|貨到付款", RegexOptions.IgnoreCase)]
    private static partial Regex CashOnDelivery();
}
