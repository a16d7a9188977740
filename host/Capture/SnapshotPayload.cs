using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReceiptGuard.Host.Capture;

/// <summary>What the user decided in the dialog when the snapshot was taken; None for a capture made on request.</summary>
public enum Decision
{
    Confirmed,
    Cancelled,
    None,
}

/// <summary>Why the page was captured: at a held click, or because the user asked.</summary>
public enum CaptureKind
{
    Guard,
    Manual,
}

/// <summary>
/// A snapshot as the extension sends it (protocol v1). The extension's <c>protocol.ts</c> defines the same shape;
/// <c>tests/fixtures/protocol/snapshot-v1.json</c> pins both.
/// </summary>
public sealed record SnapshotPayload(
    Guid Id,
    Uri Url,
    string Title,
    DateTimeOffset CapturedAt,
    string Html,
    Decision Decision,
    string Site,
    string ButtonText,
    string? OrderHint,
    CaptureKind Capture,
    IReadOnlyList<EmbeddedScript> EmbeddedData,
    Screenshot? Screenshot,
    string? ScreenshotError,
    string? ContextJson)
{
    public const int Version = 1;

    /// <summary>Whether any of the evidence fields added to protocol v1 later was sent.</summary>
    public bool HasEvidenceFields => EmbeddedData.Count > 0 || Screenshot is not null || ScreenshotError is not null || ContextJson is not null;
}

/// <summary>A script whose text is data the page carries about the order (the page's <c>html</c> keeps no scripts).</summary>
public sealed record EmbeddedScript(string Type, string Text);

/// <summary>The visible tab at capture time, decoded from its data URL; the bytes were checked to be what the URL declared.</summary>
public sealed record Screenshot(string MediaType, ReadOnlyMemory<byte> Bytes);

/// <summary>
/// The wire form, every member optional, so that a missing or mistyped field becomes a 400 naming that field rather
/// than a binder exception. <see cref="SnapshotPayloadValidator"/> turns it into a <see cref="SnapshotPayload"/>.
/// </summary>
public sealed class SnapshotPayloadJson
{
    [JsonPropertyName("v")]
    public int? V { get; set; }

    public string? Id { get; set; }

    public string? Url { get; set; }

    public string? Title { get; set; }

    public string? CapturedAt { get; set; }

    public string? Html { get; set; }

    public string? Decision { get; set; }

    public string? Site { get; set; }

    public string? ButtonText { get; set; }

    public string? OrderHint { get; set; }

    public string? Capture { get; set; }

    public IReadOnlyList<EmbeddedScriptJson?>? EmbeddedData { get; set; }

    /// <summary>A <c>data:image/png;base64,…</c> or <c>data:image/jpeg;base64,…</c> URL.</summary>
    public string? Screenshot { get; set; }

    public string? ScreenshotError { get; set; }

    /// <summary>Kept as JSON: checked for the members the host knows, stored with any it does not.</summary>
    public JsonElement? Context { get; set; }
}

public sealed class EmbeddedScriptJson
{
    public string? Type { get; set; }

    public string? Text { get; set; }
}
