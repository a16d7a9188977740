using System.Globalization;
using System.Text.RegularExpressions;

namespace ReceiptGuard.Host.Parsing.Text;

/// <summary>An amount as a page writes it, and the currency when its symbol or code says which.</summary>
public sealed record Amount(decimal Value, string? Currency);

/// <summary>
/// Money text → decimal: "￥1,234.50", "¥ 99", "RM 12.90", "₱1,299.00", "Rp 150.000", "US $12.34", "１２３．５０".
/// A separator followed by exactly three digits and nothing more is a thousands separator (Indonesian "150.000"),
/// otherwise the last separator is the decimal point.
/// </summary>
public static partial class Amounts
{
    // Longest first so "US $" wins over "$" and "HK$" over "$".
    private static readonly (string Symbol, string Currency)[] Symbols =
    [
        ("US $", "USD"), ("US$", "USD"), ("USD", "USD"), ("HK$", "HKD"), ("S$", "SGD"), ("SGD", "SGD"), ("RMB", "CNY"), ("CNY", "CNY"),
        ("MYR", "MYR"), ("RM", "MYR"), ("IDR", "IDR"), ("Rp", "IDR"), ("PHP", "PHP"), ("₱", "PHP"), ("THB", "THB"), ("฿", "THB"),
        ("VND", "VND"), ("₫", "VND"), ("EUR", "EUR"), ("€", "EUR"), ("£", "GBP"), ("￥", "CNY"), ("¥", "CNY"), ("元", "CNY"), ("$", "USD"),
    ];

    public static Amount? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var ascii = FullWidth.ToAscii(text).Replace('\u00A0', ' ');
        var number = Number().Match(ascii);
        if (!number.Success || ToDecimal(number.Value) is not { } value)
        {
            return null;
        }

        return new Amount(number.Groups["sign"].Success ? -value : value, CurrencyOf(ascii));
    }

    /// <summary>Only when the text has a currency sign or code: for picking amounts out of running text.</summary>
    public static Amount? ParseWithSymbol(string? text) => Parse(text) is { Currency: not null } amount ? amount : null;

    private static string? CurrencyOf(string text)
    {
        foreach (var (symbol, currency) in Symbols)
        {
            if (text.Contains(symbol, StringComparison.Ordinal))
            {
                return currency;
            }
        }

        return null;
    }

    private static decimal? ToDecimal(string digits)
    {
        var lastDot = digits.LastIndexOf('.');
        var lastComma = digits.LastIndexOf(',');
        var last = Math.Max(lastDot, lastComma);
        string normalized;
        if (last < 0)
        {
            normalized = digits;
        }
        else
        {
            var separator = digits[last];
            var tail = digits.Length - last - 1;
            var sameSeparatorCount = digits.Count(c => c == separator);
            var thousands = tail == 3 && (sameSeparatorCount > 1 || lastDot < 0 || lastComma < 0) && !(lastDot >= 0 && lastComma >= 0);
            normalized = thousands
                ? digits.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal)
                : digits[..last].Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal) + "." + digits[(last + 1)..];
        }

        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    [GeneratedRegex(@"(?<sign>-)?\d[\d.,]*\d|(?<sign>-)?\d")]
    private static partial Regex Number();
}
