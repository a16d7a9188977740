using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReceiptGuard.Host.Parsing.Text;

namespace ReceiptGuard.Host.Parsing.Platforms.ChinaShops;

/// <summary>
/// Text helpers the JD and Pinduoduo parsers share: full-width → ASCII, yuan amounts, auto-confirm countdowns.
/// Kept here, not in Parsing/Text, while that folder is written in parallel; the lead folds duplicates later.
/// </summary>
public static partial class ChinaShopText
{
    /// <summary>Full-width ASCII forms (０-９, ．, ，, Ａ …) and the ideographic space as plain ASCII; other text unchanged.</summary>
    public static string ToAscii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>Whitespace runs as one space, trimmed (markup text is full of line breaks and indentation).</summary>
    public static string Squash(string? text) => text is null ? "" : Spaces.Collapse(text);

    /// <summary>
    /// The amount in "总额 ¥399.00", "实付：￥1,299.00", "￥３９．９０": the number after the yuan sign when there is one, else
    /// the first number; negative for "-￥3.00". Null when there is no number.
    /// </summary>
    public static decimal? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var ascii = ToAscii(text).Replace('\uFFE5', '¥');
        var sign = ascii.IndexOf('¥', StringComparison.Ordinal);
        var match = Amount().Match(ascii, sign < 0 ? 0 : sign);
        if (!match.Success || !decimal.TryParse(match.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        // A discount line writes its minus before the sign: "-￥100.00".
        return sign > 0 && ascii[sign - 1] == '-' ? -amount : amount;
    }

    /// <summary>Fen (the integer amounts in Pinduoduo's data) as yuan.</summary>
    public static decimal FromFen(long fen) => fen / 100m;

    /// <summary>"还剩6天23小时" out of "还剩6天23小时自动确认收货" / "剩余 6天23时自动确认收货"; null when the text has no countdown.</summary>
    public static string? Countdown(string? text)
    {
        var match = CountdownText().Match(Squash(ToAscii(text ?? "")));
        return match.Success ? match.Value.Trim() : null;
    }

    /// <summary>A leading "2026-11-17 06:12:40" (seconds optional) split from the event text after it.</summary>
    public static (string? Time, string Text) SplitLeadingTime(string text)
    {
        var squashed = Squash(text);
        var match = LeadingTime().Match(squashed);
        return match.Success ? (match.Groups[1].Value, squashed[match.Length..].Trim()) : (null, squashed);
    }


    [GeneratedRegex(@"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")]
    private static partial Regex Amount();

    [GeneratedRegex(@"(?:还剩|剩余)\s*(?:\d+\s*(?:天|小时|时|分钟|分|秒)\s*)+")]
    private static partial Regex CountdownText();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}(?::\d{2})?)\s*")]
    private static partial Regex LeadingTime();
}
