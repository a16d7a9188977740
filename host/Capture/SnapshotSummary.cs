using System.Text.Json;
using System.Text.Json.Serialization;
using ReceiptGuard.Host.Parsing.Ingest;

namespace ReceiptGuard.Host.Capture;

/// <summary>
/// A stored snapshot as the API, the hub and the UI show it. The page, the screenshot and the embedded data are
/// fetched separately; their SHA-256s name the stored files.
/// </summary>
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
    long HtmlBytes,
    bool HasScreenshot,
    string? ScreenshotSha256,
    string? ScreenshotError,
    bool HasEmbeddedData,
    string? EmbeddedDataSha256,
    JsonElement? Context)
{
    /// <summary>What the parsers made of the page; only in the snapshot detail (GET /api/snapshots/{id}).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ParseStatus? Parse { get; init; }

    /// <summary>The signed manifest's artifact (null only while an old snapshot waits for its start-up backfill).</summary>
    public string? ManifestSha256 { get; init; }

    /// <summary>The manifest's ECDSA P-256 signature, DER, base64.</summary>
    public string? ManifestSignature { get; init; }

    /// <summary>The RFC 3161 token over the manifest's SHA-256, when a TSA is set and answered.</summary>
    public string? TimestampSha256 { get; init; }
}

public sealed record SnapshotPage(IReadOnlyList<SnapshotSummary> Items, int Total, int Limit, int Offset);

/// <summary>Where a snapshot's stored screenshot is and what it is; internal to the host (not part of the API).</summary>
public sealed record StoredScreenshot(string Sha256, string MediaType);
