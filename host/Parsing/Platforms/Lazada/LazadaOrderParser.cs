using System.Text.RegularExpressions;
using ReceiptGuard.Host.Parsing.Platforms.Intl;

namespace ReceiptGuard.Host.Parsing.Platforms.Lazada;

/// <summary>
/// Lazada's account sites (my., my-m., member.lazada.&lt;tld&gt;): the order list's <c>.order-item</c> cards, or the
/// order detail page with one panel per package. The detail page's own data names the order id.
/// </summary>
public sealed partial class LazadaOrderParser : IOrderPageParser
{
    public const string Version = "lazada/1";

    private static readonly Dictionary<string, string> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sg"] = "SGD", ["com.my"] = "MYR", ["co.id"] = "IDR", ["co.th"] = "THB", ["vn"] = "VND", ["com.ph"] = "PHP",
    };

    public string Platform => "lazada";

    public bool CanParse(PageInput page) => CurrencyOf(page.Url.Host) is not null;

    public ParsedPage Parse(PageInput page)
    {
        var notes = new List<string>();
        var currency = CurrencyOf(page.Url.Host);
        if (page.Document.SelectFirst(".detail-page") is { } detail)
        {
            var order = LazadaDetailPage.Read(detail, page, currency, notes);
            return new ParsedPage(Platform, PageKind.Detail, order is null ? [] : [order], Version, notes);
        }

        var orders = page.Document.SelectAll(".order-list .order-item")
            .Select(card => LazadaListCard.Read(card, page.Url, currency, notes))
            .OfType<ParsedOrder>()
            .ToArray();
        if (orders.Length == 0)
        {
            notes.Add("no order cards and no order detail on this page");
        }

        return new ParsedPage(Platform, orders.Length > 0 ? PageKind.List : PageKind.Unknown, orders, Version, notes);
    }

    private static string? CurrencyOf(string host) =>
        AccountHost().Match(host) is { Success: true } m ? Currencies.GetValueOrDefault(m.Groups[1].Value) : null;

    [GeneratedRegex(@"^(?:my|my-m|member)\.lazada\.([a-z.]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AccountHost();
}
