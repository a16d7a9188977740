using System.Text.Json.Nodes;

namespace ReceiptGuard.Host.Orders;

/// <summary>One order across all its snapshots, as the orders list shows it.</summary>
public sealed record OrderSummary(
    string OrderId,
    string Platform,
    string? Shop,
    IReadOnlyList<string> Items,
    string? Total,
    string? Currency,
    /// <summary>The normalized status (camelCase <see cref="Parsing.OrderStatus"/>) of the newest snapshot that read one; null before any parse found the order.</summary>
    string? Status,
    /// <summary>confirmed, cancelled, or none when no guarded click was captured for the order.</summary>
    string LastDecision,
    int SnapshotCount,
    DateTimeOffset FirstCapturedAt,
    DateTimeOffset LastCapturedAt);

public sealed record OrderPage(IReadOnlyList<OrderSummary> Items, int Total, int Limit, int Offset);

/// <summary>One snapshot of the order, oldest first; <see cref="StatusChanged"/> marks a status that differs from the previous known one.</summary>
public sealed record TimelineEntry(
    Guid SnapshotId,
    DateTimeOffset CapturedAt,
    string Capture,
    string Decision,
    string? StatusText,
    string? Status,
    bool HasScreenshot,
    string? ManifestSha256,
    string? TimestampSha256,
    bool StatusChanged,
    string? PreviousStatus,
    string? PreviousStatusText);

/// <summary>The newest parse that found the order: the ParsedOrder JSON exactly as stored (every value with its source).</summary>
public sealed record LatestParse(Guid SnapshotId, DateTimeOffset CapturedAt, string? Platform, string? Parser, JsonNode Order);

public sealed record OrderDetail(OrderSummary Summary, LatestParse? Parsed, IReadOnlyList<TimelineEntry> Timeline);
