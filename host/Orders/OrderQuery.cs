using System.Globalization;
using ReceiptGuard.Host.Parsing;

namespace ReceiptGuard.Host.Orders;

/// <summary>The orders list's filters, checked: every bad value is reported under its query-string name.</summary>
public sealed record OrderQuery(
    string? Q,
    string? Platform,
    string? Decision,
    string? Status,
    /// <summary>Inclusive lower bound on a capture time (UTC).</summary>
    DateTimeOffset? From,
    /// <summary>Exclusive upper bound on a capture time (UTC): a date-only <c>to</c> includes that whole day.</summary>
    DateTimeOffset? To,
    int Limit,
    int Offset)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxQueryLength = 200;

    public static readonly string[] Decisions = ["confirmed", "cancelled", "none"];

    public static string[] Statuses { get; } =
        Enum.GetNames<OrderStatus>().Select(name => char.ToLowerInvariant(name[0]) + name[1..]).ToArray();

    public static (OrderQuery? Query, Dictionary<string, string[]> Errors) Parse(
        string? q, string? platform, string? decision, string? status, string? from, string? to, string? limit, string? offset)
    {
        var errors = new Dictionary<string, string[]>();
        q = Blank(q);
        if (q is { Length: > MaxQueryLength })
        {
            errors["q"] = [$"must be at most {MaxQueryLength} characters."];
        }

        platform = Blank(platform);
        if (platform is not null && (platform.Length > 40 || !platform.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            errors["platform"] = ["must be a platform id such as taobao or jd."];
        }

        decision = Blank(decision);
        if (decision is not null && !Decisions.Contains(decision, StringComparer.Ordinal))
        {
            errors["decision"] = [$"must be one of {string.Join(", ", Decisions)}."];
        }

        status = Blank(status);
        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            errors["status"] = [$"must be one of {string.Join(", ", Statuses)}."];
        }

        var fromTime = ParseTime("from", from, endOfDay: false, errors);
        var toTime = ParseTime("to", to, endOfDay: true, errors);
        if (fromTime is { } f && toTime is { } t && t <= f)
        {
            errors["to"] = ["must be later than from."];
        }

        var limitValue = ParseInt("limit", limit, DefaultLimit, 1, MaxLimit, errors);
        var offsetValue = ParseInt("offset", offset, 0, 0, int.MaxValue, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new OrderQuery(q, platform, decision, status, fromTime, toTime, limitValue, offsetValue), errors);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A date (2026-11-26, the whole day in UTC) or a time with its offset; shared with the stats filters.</summary>
    internal static DateTimeOffset? ParseTime(string name, string? text, bool endOfDay, Dictionary<string, string[]> errors)
    {
        text = Blank(text);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }

        // A full ISO 8601 time must say its offset: "2026-11-26T08:00:00Z" or "+08:00".
        if (text.Length > 10 && text[10] == 'T' && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            return time.ToUniversalTime();
        }

        errors[name] = ["must be an ISO 8601 date (2026-11-26) or a time with its offset (2026-11-26T08:00:00Z)."];
        return null;
    }

    private static int ParseInt(string name, string? text, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        text = Blank(text);
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [max == int.MaxValue ? $"must be a whole number, {min} or more." : $"must be a whole number between {min} and {max}."];
        return fallback;
    }
}
