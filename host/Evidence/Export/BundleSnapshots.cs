using System.Text;
using System.Text.Json;
using ReceiptGuard.Host.Capture;
using ReceiptGuard.Host.Evidence.Manifests;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>A snapshot read back out of a verified bundle, as a payload to store again, and who signed it there.</summary>
public sealed record BundledSnapshot(SnapshotPayload Payload, string SignedBy);

/// <summary>
/// Reads the snapshots out of an exported bundle (zip or WACZ) for <c>import</c>: only after the whole bundle
/// verifies, so nothing altered is ever imported. Each snapshot keeps its id, capture metadata and files.
/// </summary>
public static class BundleSnapshots
{
    private static readonly JsonSerializerOptions EmbeddedJson = new(JsonSerializerDefaults.Web);

    /// <returns>The snapshots, or the reason the bundle cannot be imported.</returns>
    public static (IReadOnlyList<BundledSnapshot> Snapshots, string? Problem) Read(Stream bundle)
    {
        var report = BundleVerifier.Verify(bundle);
        if (!report.Ok)
        {
            return ([], $"the bundle does not verify: {report.FirstProblem}");
        }

        bundle.Position = 0;
        var (files, problem) = ArchiveFiles.Read(bundle);
        if (files is null)
        {
            return ([], problem);
        }

        var root = files.ContainsKey("datapackage.json") ? "receiptguard/" : "";
        var snapshots = new List<BundledSnapshot>();
        foreach (var (path, content) in files.Where(f => f.Key.StartsWith(root + "snapshots/", StringComparison.Ordinal) && f.Key.EndsWith("/" + SnapshotFolder.Manifest, StringComparison.Ordinal)))
        {
            var folder = path[..^SnapshotFolder.Manifest.Length];
            var manifest = SnapshotManifest.Parse(content);
            byte[]? File(string name) => files.TryGetValue(folder + name, out var bytes) ? bytes : null;
            var page = manifest.Files.FirstOrDefault(f => f.Role == "page");
            if (page is null || File(page.Name) is not { } html)
            {
                return ([], $"{path}: lists no page");
            }

            var embedded = manifest.Files.FirstOrDefault(f => f.Role == "embedded-data") is { } data && File(data.Name) is { } json
                ? JsonSerializer.Deserialize<EmbeddedScript[]>(json, EmbeddedJson) ?? []
                : [];
            var screenshot = manifest.Files.FirstOrDefault(f => f.Role == "screenshot") is { } picture && File(picture.Name) is { } bytes
                ? new Screenshot(picture.MediaType, bytes)
                : null;
            var payload = new SnapshotPayload(
                manifest.SnapshotId, new Uri(manifest.Url), manifest.Title, DateTimeOffset.Parse(manifest.CapturedAt, System.Globalization.CultureInfo.InvariantCulture),
                Encoding.UTF8.GetString(html), DecisionOf(manifest.Decision), manifest.Site, manifest.ButtonText, manifest.OrderHint,
                manifest.Capture == "manual" ? CaptureKind.Manual : CaptureKind.Guard, embedded, screenshot, manifest.ScreenshotError,
                manifest.Context?.GetRawText());
            snapshots.Add(new BundledSnapshot(payload, manifest.Host.SigningKey));
        }

        return (snapshots, null);
    }

    private static Decision DecisionOf(string text) => text switch
    {
        "confirmed" => Decision.Confirmed,
        "cancelled" => Decision.Cancelled,
        _ => Decision.None,
    };
}
