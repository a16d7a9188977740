namespace ReceiptGuard.Host.Capture;

/// <summary>A stored snapshot as the API, the hub and the UI show it (the page itself is fetched separately).</summary>
public sealed record SnapshotSummary(
    Guid Id,
    string Url,
    string Title,
    string Site,
    Decision Decision,
    CaptureKind Capture,
    string ButtonText,
    string? OrderHint,
    DateTimeOffset CapturedAt,
    DateTimeOffset ReceivedAt,
    string HtmlSha256,
    long HtmlBytes);

public sealed record SnapshotPage(IReadOnlyList<SnapshotSummary> Items, int Total, int Limit, int Offset);
