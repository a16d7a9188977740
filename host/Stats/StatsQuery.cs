using ReceiptGuard.Host.Orders;

namespace ReceiptGuard.Host.Stats;

/// <summary>The stats filters, checked: a bad value is reported under its query-string name.</summary>
public sealed record StatsQuery(DateTimeOffset? From, DateTimeOffset? To)
{
    public static (StatsQuery? Query, Dictionary<string, string[]> Errors) Parse(string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        // The same date rules as the orders list, so one date means the same thing on both pages.
        var fromTime = OrderQuery.ParseTime("from", from, endOfDay: false, errors);
        var toTime = OrderQuery.ParseTime("to", to, endOfDay: true, errors);
        if (fromTime is { } f && toTime is { } t && t <= f)
        {
            errors["to"] = ["must be later than from."];
        }

        return errors.Count > 0 ? (null, errors) : (new StatsQuery(fromTime, toTime), errors);
    }
}
