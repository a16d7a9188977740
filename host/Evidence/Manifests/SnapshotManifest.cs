using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReceiptGuard.Host.Evidence.Manifests;

/// <summary>One file a snapshot consists of: its name inside a bundle's snapshot folder, what it is, and its hash.</summary>
/// <param name="Role">page | embedded-data | screenshot</param>
public sealed record ManifestFile(string Name, string Role, string MediaType, string Sha256, long Size);

/// <summary>The host that wrote and signed the manifest.</summary>
public sealed record ManifestHost(string Name, string Version, string SigningKey);

/// <summary>
/// What the host knew about a snapshot when it stored it: the capture metadata and every file by SHA-256 and size.
/// Written once at ingest, stored as an artifact, signed with the host's key; the stored bytes are what is signed, so
/// they are never re-serialized. Derived data (the parse result) is not in it: parsers improve, evidence does not.
/// </summary>
public sealed record SnapshotManifest(
    string Format,
    Guid SnapshotId,
    string Capture,
    string Decision,
    string Url,
    string Title,
    string Site,
    string ButtonText,
    string? OrderHint,
    string CapturedAt,
    string ReceivedAt,
    JsonElement? Context,
    string? ScreenshotError,
    IReadOnlyList<ManifestFile> Files,
    ManifestHost Host)
{
    public const string CurrentFormat = "receiptguard-snapshot-manifest/1";

    public const string PageFile = "page.html";
    public const string EmbeddedFile = "embedded-data.json";

    /// <summary>screenshot.png or screenshot.jpg, by media type.</summary>
    public static string ScreenshotFile(string mediaType) => mediaType == "image/jpeg" ? "screenshot.jpg" : "screenshot.png";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <exception cref="JsonException">not a manifest.</exception>
    public static SnapshotManifest Parse(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<SnapshotManifest>(utf8, Json) is { Format: CurrentFormat } manifest
            ? manifest
            : throw new JsonException($"not a {CurrentFormat} manifest");
}
