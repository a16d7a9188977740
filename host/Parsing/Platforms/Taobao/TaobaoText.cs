using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReceiptGuard.Host.Parsing.Text;

namespace ReceiptGuard.Host.Parsing.Platforms.Taobao;

/// <summary>
/// Text helpers for Taobao-family pages (Taobao, Tmall). Kept here, not in Parsing/Text, until the shared helpers land;
/// the lead folds duplicates together.
/// </summary>
internal static partial class TaobaoText
{
    /// <summary>Full-width digits, letters and punctuation (０-９, ￥ excepted) → ASCII; the ideographic space → a space.</summary>
    public static string ToHalfWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u3000' => ' ',
                >= '\uFF01' and <= '\uFF5E' when c != '\uFFE5' => (char)(c - 0xFEE0),
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// An amount as the page writes it ("￥1,299.00", "¥ 59.9", "１２９．００", "实付款：￥399.00") → decimal; the first
    /// number in the text, or null.
    /// </summary>
    public static decimal? Amount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = AmountPattern().Match(ToHalfWidth(text));
        return match.Success && decimal.TryParse(match.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>
    /// The body of a JavaScript string literal (between its quotes) → the string it denotes: \uXXXX, \u{…}, \xXX, the
    /// one-letter escapes, line continuations, and any other escaped character as itself (\' \" \/ \\).
    /// </summary>
    public static string UnescapeJs(string literal)
    {
        var builder = new StringBuilder(literal.Length);
        for (var i = 0; i < literal.Length; i++)
        {
            var c = literal[i];
            if (c != '\\' || i + 1 == literal.Length)
            {
                builder.Append(c);
                continue;
            }

            var next = literal[++i];
            switch (next)
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'v': builder.Append('\v'); break;
                case '0' when i + 1 == literal.Length || !char.IsAsciiDigit(literal[i + 1]): builder.Append('\0'); break;
                case '\r' when i + 1 < literal.Length && literal[i + 1] == '\n': i++; break;
                case '\r' or '\n' or '\u2028' or '\u2029': break;
                case 'x' when TryHex(literal, i + 1, 2, out var code):
                    builder.Append((char)code);
                    i += 2;
                    break;
                case 'u' when i + 1 < literal.Length && literal[i + 1] == '{' && literal.IndexOf('}', i + 2) is > 0 and var close
                                && TryHex(literal, i + 2, close - i - 2, out var point) && point <= 0x10FFFF && point is < 0xD800 or > 0xDFFF:
                    builder.Append(char.ConvertFromUtf32(point));
                    i = close;
                    break;
                case 'u' when TryHex(literal, i + 1, 4, out var unit):
                    builder.Append((char)unit);
                    i += 4;
                    break;
                default: builder.Append(next); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Status text (Chinese, as Taobao and Tmall write it) → the common vocabulary. Order matters: refunds and
    /// "waiting for the seller to ship" mention 发货 too.</summary>
    public static OrderStatus Status(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return OrderStatus.Unknown;
        }

        return text switch
        {
            _ when ContainsAny(text, "退款中", "退款处理中", "退货中", "售后中", "退款申请", "申请退款") => OrderStatus.Refunding,
            _ when ContainsAny(text, "交易关闭", "已关闭", "已取消", "退款成功") => OrderStatus.Closed,
            _ when ContainsAny(text, "交易成功", "交易完成", "已完成") => OrderStatus.Completed,
            _ when ContainsAny(text, "等待买家付款", "待付款", "待付尾款", "等待付尾款") => OrderStatus.AwaitingPayment,
            _ when ContainsAny(text, "等待卖家发货", "待发货", "买家已付款", "已付款") => OrderStatus.AwaitingShipment,
            _ when ContainsAny(text, "已签收", "待取件", "已送达") => OrderStatus.Delivered,
            _ when ContainsAny(text, "已发货", "确认收货", "待收货", "运输中") => OrderStatus.Shipped,
            _ => OrderStatus.Unknown,
        };
    }

    /// <summary>The "还剩8天9时" part of a countdown text, as written; null when there is none.</summary>
    public static string? Countdown(string? text)
    {
        var match = text is null ? null : CountdownPattern().Match(text);
        return match is { Success: true } ? match.Value : null;
    }

    /// <summary>Whitespace runs (including non-breaking and ideographic spaces) → one space, trimmed.</summary>
    public static string Clean(string? text) => text is null ? "" : Spaces.Collapse(text);

    public static bool ContainsAny(string text, params string[] needles) => needles.Any(n => text.Contains(n, StringComparison.Ordinal));

    private static bool TryHex(string text, int start, int length, out int value)
    {
        value = 0;
        return length > 0 && start + length <= text.Length
            && int.TryParse(text.AsSpan(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"还剩(?:\d+(?:天|小时|时|分钟|分|秒))+")]
    private static partial Regex CountdownPattern();

}
