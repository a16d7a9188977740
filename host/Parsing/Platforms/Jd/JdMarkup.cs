using System.Globalization;
using System.Text.RegularExpressions;
using ReceiptGuard.Host.Parsing.Platforms.ChinaShops;

namespace ReceiptGuard.Host.Parsing.Platforms.Jd;

/// <summary>Small readings both JD page kinds share.</summary>
internal static partial class JdMarkup
{
    public static Sourced<string>? Selected(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Sourced<string>(value.Trim(), FieldSource.Selector);

    /// <summary>"x2", "×2", "2" → 2.</summary>
    public static Sourced<int>? Quantity(string? text)
    {
        var match = text is null ? Match.Empty : QuantityText().Match(ChinaShopText.ToAscii(text));
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity)
            ? new Sourced<int>(quantity, FieldSource.Selector)
            : null;
    }

    /// <summary>Presale (预售, 定金/尾款 stages), custom-made (定制) and cash on delivery (货到付款) as the order's text says them.</summary>
    public static OrderFlags Flags(string orderText, string? paymentWay) => new(
        Presale: orderText.Contains("预售", StringComparison.Ordinal) || orderText.Contains("定金", StringComparison.Ordinal) || orderText.Contains("尾款", StringComparison.Ordinal),
        CustomMade: orderText.Contains("定制", StringComparison.Ordinal),
        CashOnDelivery: (paymentWay ?? orderText).Contains("货到付款", StringComparison.Ordinal));

    [GeneratedRegex(@"^\s*[x×X*]?\s*(\d{1,5})\s*$")]
    private static partial Regex QuantityText();
}
