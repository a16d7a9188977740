using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ReceiptGuard.Host.Parsing.Platforms.Intl;

/// <summary>
/// Text helpers the AliExpress, Shopee and Lazada parsers share: amounts in their countries' formats, status words in
/// their languages, element text and links. Kept here until the lead folds them into Parsing/Text.
/// </summary>
internal static partial class IntlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal) { "div", "p", "li", "br", "tr", "td", "th", "dt", "dd", "section", "header", "footer" };

    /// <summary>
    /// Collapsed, trimmed text of an element (non-breaking spaces too), or null when it has none. Block elements are
    /// kept apart by a space, as the browser renders them: "…ABCDE12" and "Order Received on …" are two lines.
    /// </summary>
    public static string? TextOf(IElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder();
        AppendText(element, builder);
        // Icon fonts draw glyphs from the private-use area: they are pictures, not words.
        var text = Text.Spaces.Collapse(builder.ToString(), dropPrivateUse: true);
        return text.Length > 0 ? text : null;
    }

    private static void AppendText(INode node, System.Text.StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element when element.LocalName is not ("script" or "style" or "template"):
                    var block = Blocks.Contains(element.LocalName);
                    builder.Append(block ? " " : string.Empty);
                    AppendText(element, builder);
                    builder.Append(block ? " " : string.Empty);
                    break;
            }
        }
    }

    /// <summary>The href of a link resolved against the page, or null for none / script links.</summary>
    public static string? AbsoluteUrl(Uri page, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Uri.TryCreate(page, href.Trim(), out var url) ? url.AbsoluteUri : null;
    }

    /// <summary>
    /// The first amount in a text such as "US $18.40", "RM1,249.00", "Rp125.000" or "₫250.000". Currencies without
    /// minor units (IDR, VND, CLP, COP) use '.' as a thousands separator; elsewhere a separator followed by exactly
    /// three digits and nothing else is a thousands separator, the last other one the decimal point.
    /// </summary>
    public static decimal? Amount(string? text, string? currency)
    {
        if (text is null)
        {
            return null;
        }

        var match = Number().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Value;
        var negative = match.Index > 0 && text[match.Index - 1] == '-' || text.TrimStart().StartsWith('-');
        string normalized;
        if (currency is "IDR" or "VND" or "CLP" or "COP")
        {
            normalized = digits.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", ".", StringComparison.Ordinal);
        }
        else
        {
            var last = digits.LastIndexOfAny(['.', ',']);
            var decimalPoint = last >= 0 && digits.Length - last - 1 != 3 ? last : -1;
            var chars = digits.Where((c, i) => char.IsDigit(c) || i == decimalPoint).Select(c => c == ',' ? '.' : c).ToArray();
            normalized = new string(chars);
        }

        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? (negative ? -value : value) : null;
    }

    /// <summary>The quantity in "x2", "Qty: 2", "US $4.25x2".</summary>
    public static int? Quantity(string? text)
    {
        var match = text is null ? null : QuantityPattern().Match(text);
        return match is { Success: true } && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var quantity) ? quantity : null;
    }

    /// <summary>
    /// The status in one vocabulary, from the words these platforms show (English, Malay/Indonesian, zh). Refunds and
    /// disputes are checked first because their texts often also say "delivered" or "received".
    /// </summary>
    public static OrderStatus Status(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return OrderStatus.Unknown;
        }

        var t = text.ToLowerInvariant();
        return t switch
        {
            _ when Has(t, "refund", "return", "dispute", "disputa", "reembolso", "pengembalian", "退款", "售后", "纠纷") => OrderStatus.Refunding,
            _ when Has(t, "cancel", "closed", "dibatalkan", "已取消", "交易关闭") => OrderStatus.Closed,
            _ when Has(t, "completed", "finished", "order received", "selesai", "交易成功", "已完成") => OrderStatus.Completed,
            _ when Has(t, "to pay", "awaiting payment", "unpaid", "belum bayar", "待付款") => OrderStatus.AwaitingPayment,
            _ when Has(t, "delivered", "terkirim", "已签收") => OrderStatus.Delivered,
            _ when Has(t, "to receive", "awaiting delivery", "shipped", "out for delivery", "in transit", "dikirim", "待收货", "已发货") => OrderStatus.Shipped,
            _ when Has(t, "to ship", "awaiting shipment", "processing", "dikemas", "待发货") => OrderStatus.AwaitingShipment,
            _ => OrderStatus.Unknown,
        };
    }

    private static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    [GeneratedRegex(@"\d[\d.,]*\d|\d")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?:\bx\s*|[×x]|Qty:?\s*)(\d{1,5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuantityPattern();
}
