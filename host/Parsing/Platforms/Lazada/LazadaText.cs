using System.Text.RegularExpressions;

namespace ReceiptGuard.Host.Parsing.Platforms.Lazada;

/// <summary>Lazada's wording: "Order #4021…", "Placed on 02 Nov 2026 14:21:05", "05 Nov 2026 15:12 — Package delivered".</summary>
internal static partial class LazadaText
{
    public static string? OrderId(string? text) => text is not null && OrderNumber().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    public static string? PlacedOn(string? text) => text is not null && Placed().Match(text) is { Success: true } m ? m.Groups[1].Value.Trim() : null;

    /// <summary>A tracking line split into its time and text; lines without a time keep a null time.</summary>
    public static LogisticsEvent Event(string line) => TimedLine().Match(line) is { Success: true } m
        ? new LogisticsEvent(m.Groups[1].Value, m.Groups[2].Value.Trim())
        : new LogisticsEvent(null, line);

    [GeneratedRegex(@"Order\s*(?:No\.?|Number)?\s*#?\s*(\d{9,20})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex OrderNumber();

    [GeneratedRegex(@"Placed on\s+(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Placed();

    [GeneratedRegex(@"^(\d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}(?::\d{2})?)\s*[—–-]\s*(.+)$")]
    private static partial Regex TimedLine();
}
