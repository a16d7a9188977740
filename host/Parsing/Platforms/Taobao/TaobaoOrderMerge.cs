namespace ReceiptGuard.Host.Parsing.Platforms.Taobao;

/// <summary>
/// One order seen twice (embedded data and markup): the more trusted reading wins field by field, and the other fills
/// what it lacks. Actions are joined, the trusted reading's first, one per kind and target.
/// </summary>
internal static class TaobaoOrderMerge
{
    public static ParsedOrder Merge(ParsedOrder trusted, ParsedOrder fallback) => trusted with
    {
        Shop = trusted.Shop ?? fallback.Shop,
        Seller = trusted.Seller ?? fallback.Seller,
        Items = trusted.Items.Count > 0 ? trusted.Items : fallback.Items,
        TotalPaid = trusted.TotalPaid ?? fallback.TotalPaid,
        Currency = trusted.Currency ?? fallback.Currency,
        OrderTime = trusted.OrderTime ?? fallback.OrderTime,
        StatusText = trusted.StatusText ?? fallback.StatusText,
        Status = trusted.StatusText is null ? fallback.Status : trusted.Status,
        Logistics = Logistics(trusted.Logistics, fallback.Logistics),
        AutoConfirmDeadline = trusted.AutoConfirmDeadline ?? fallback.AutoConfirmDeadline,
        Flags = TaobaoFlags.Either(trusted.Flags, fallback.Flags),
        Actions = Actions(trusted.Actions, fallback.Actions),
    };

    /// <summary>The trusted orders, completed from the fallback's, then the fallback's orders the trusted source lacks, in page order.</summary>
    public static IReadOnlyList<ParsedOrder> MergeAll(IReadOnlyList<ParsedOrder> trusted, IReadOnlyList<ParsedOrder> fallback)
    {
        var byId = fallback.ToDictionary(o => o.OrderId.Value);
        var merged = trusted.Select(o => byId.TryGetValue(o.OrderId.Value, out var other) ? Merge(o, other) : o).ToList();
        var known = trusted.Select(o => o.OrderId.Value).ToHashSet();
        merged.AddRange(fallback.Where(o => !known.Contains(o.OrderId.Value)));
        return merged;
    }

    private static ParsedLogistics? Logistics(ParsedLogistics? trusted, ParsedLogistics? fallback) =>
        trusted is null || fallback is null
            ? trusted ?? fallback
            : new ParsedLogistics(
                trusted.Carrier ?? fallback.Carrier,
                trusted.TrackingNumber ?? fallback.TrackingNumber,
                trusted.LatestEvent ?? fallback.LatestEvent,
                trusted.LatestEventTime ?? fallback.LatestEventTime,
                trusted.Events.Count > 0 ? trusted.Events : fallback.Events);

    /// <summary>A markup action only adds what the data lacks: a kind it does not have, or a URL for a kind it has without one.</summary>
    private static PageAction[] Actions(IReadOnlyList<PageAction> trusted, IReadOnlyList<PageAction> fallback) =>
        trusted.Select(a => a.Url is null && fallback.FirstOrDefault(f => f.Kind == a.Kind && f.Url is not null) is { } withUrl ? a with { Url = withUrl.Url } : a)
            .Concat(fallback.Where(f => trusted.All(t => t.Kind != f.Kind)))
            .DistinctBy(a => (a.Kind, a.Url))
            .ToArray();
}
