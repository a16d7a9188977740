using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ReceiptGuard.Host.Evidence.Manifests;
using ReceiptGuard.Host.Evidence.Signing;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>
/// A WACZ 1.1.1 web archive that ReplayWeb.page opens: each page as an HTTP response record and each screenshot as a
/// resource record in archive/data.warc, a CDXJ index and a pages list. The ReceiptGuard evidence (snapshot folders
/// with their signed manifests, the custody log) rides along under receiptguard/, so our verifier checks a WACZ too.
/// </summary>
public static class WaczWriter
{
    public const string WarcPath = "archive/data.warc";
    public const string IndexPath = "indexes/index.cdx";
    public const string PagesPath = "pages/pages.jsonl";
    public const string EvidenceRoot = "receiptguard/";

    /// <summary>The URI ArchiveWeb.page records a page's screenshot at ("urn:view:" and the page URL).</summary>
    public const string ScreenshotUriPrefix = "urn:view:";

    private static readonly string OpensslCommand =
        $"printf %s \"$HASH\" | openssl dgst -sha256 -verify {EvidenceRoot}{BundleDocument.PublicKeyFileName} -signature signature.der";

    private static readonly (string, string) SignatureHowTo = (
        $"datapackage-digest.json 中的 hash 应为 datapackage.json 的 SHA-256；signedData.signature 是对这段 hash 文本的签名。"
            + $"把 signedData.signature 用 base64 -d 解码为 signature.der，HASH 设为 hash 的值，然后（应输出 Verified OK）：\n                   {OpensslCommand}",
        $"datapackage-digest.json's hash should be the SHA-256 of datapackage.json; signedData.signature signs that hash text. "
            + $"Decode signedData.signature with base64 -d into signature.der, set HASH to the hash value, then (it should print Verified OK):\n                   {OpensslCommand}");

    public static async Task WriteAsync(ExportBundle bundle, SigningKey key, Stream output, CancellationToken cancellationToken = default)
    {
        var software = $"ReceiptGuard.Host {bundle.HostVersion}";
        var snapshots = bundle.Snapshots.OrderBy(snapshot => snapshot.CapturedAt).ThenBy(snapshot => snapshot.Id).ToList();
        var (warc, index) = Archive(snapshots, bundle.CreatedAt, software);

        var listed = new List<BundleEntry>
        {
            new(WarcPath, warc),
            new(IndexPath, Encoding.UTF8.GetBytes(string.Concat(index.Order(StringComparer.Ordinal).Select(line => line + "\n")))),
            new(PagesPath, Pages(bundle.Title, snapshots)),
            new(EvidenceRoot + BundleDocument.ReadmeFileName, BundleReadme.Text(
                key.Fingerprint,
                EvidenceRoot,
                WaczDataPackage.FileName,
                SignatureHowTo)),
            new(EvidenceRoot + BundleDocument.PublicKeyFileName, Encoding.ASCII.GetBytes(key.PublicKeyPem)),
            new(EvidenceRoot + CustodyJsonl.FileName, CustodyJsonl.ToJsonl(bundle.Custody)),
        };
        listed.AddRange(snapshots.SelectMany(snapshot => SnapshotFolder.Entries(EvidenceRoot, snapshot)));

        var created = ExportFormat.Time(bundle.CreatedAt);
        var package = new WaczDataPackage(
            WaczDataPackage.ProfileName,
            WaczDataPackage.Version,
            bundle.Title,
            created,
            software,
            listed.Select(entry => new WaczResource(entry.Path, entry.Path, "sha256:" + entry.Sha256, entry.Content.LongLength)).ToList());
        var packageBytes = JsonSerializer.SerializeToUtf8Bytes(package, ExportFormat.Json);
        var packageHash = WarcRecord.Digest(packageBytes);
        var signed = new WaczSignedData(
            packageHash,
            Convert.ToBase64String(key.Sign(Encoding.UTF8.GetBytes(packageHash))),
            Convert.ToBase64String(key.PublicKeyDer),
            created,
            software);
        var digest = new WaczDigest(WaczDataPackage.FileName, packageHash, signed);

        BundleEntry[] entries =
        [
            new(WaczDataPackage.FileName, packageBytes),
            new(WaczDigest.FileName, JsonSerializer.SerializeToUtf8Bytes(digest, ExportFormat.Json)),
            .. listed,
        ];
        // Stored, not deflated: replay tools read WARC records by offset straight out of the zip.
        await DeterministicZip.WriteAsync(output, entries, bundle.CreatedAt, CompressionLevel.NoCompression, cancellationToken);
    }

    /// <summary>The WARC and its CDXJ lines (unsorted).</summary>
    private static (byte[] Warc, List<string> Index) Archive(IReadOnlyList<ExportSnapshot> snapshots, DateTimeOffset createdAt, string software)
    {
        using var warc = new MemoryStream();
        var index = new List<string>();
        warc.Write(WarcRecord.Warcinfo($"warcinfo {ExportFormat.Time(createdAt)}", createdAt, "data.warc", software));

        void Add(byte[] record, string url, DateTimeOffset date, string mime, byte[] payload)
        {
            var fields = new Dictionary<string, string>
            {
                ["url"] = url,
                ["mime"] = mime,
                ["status"] = "200",
                ["digest"] = WarcRecord.Digest(payload),
                ["length"] = record.Length.ToString(CultureInfo.InvariantCulture),
                ["offset"] = warc.Position.ToString(CultureInfo.InvariantCulture),
                ["filename"] = "data.warc",
            };
            var timestamp = date.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            index.Add($"{SurtKey.Of(url)} {timestamp} {JsonSerializer.Serialize(fields, ExportFormat.CompactJson)}");
            warc.Write(record);
        }

        foreach (var snapshot in snapshots)
        {
            if (snapshot.Files.FirstOrDefault(file => file.Name == SnapshotManifest.PageFile) is { } page)
            {
                const string html = "text/html; charset=utf-8";
                Add(WarcRecord.Response($"response {snapshot.Id:D}", snapshot.Url, snapshot.CapturedAt, html, page.Content), snapshot.Url, snapshot.CapturedAt, "text/html", page.Content);
            }

            foreach (var screenshot in snapshot.Files.Where(file => file.MediaType.StartsWith("image/", StringComparison.Ordinal)))
            {
                var uri = ScreenshotUriPrefix + snapshot.Url;
                Add(WarcRecord.Resource($"resource {snapshot.Id:D} {screenshot.Name}", uri, snapshot.CapturedAt, screenshot.MediaType, screenshot.Content), uri, snapshot.CapturedAt, screenshot.MediaType, screenshot.Content);
            }
        }

        return (warc.ToArray(), index);
    }

    private static byte[] Pages(string title, IEnumerable<ExportSnapshot> snapshots)
    {
        var lines = new List<string> { JsonSerializer.Serialize(new { format = "json-pages-1.0", id = "pages", title }, ExportFormat.CompactJson) };
        lines.AddRange(snapshots
            .Where(snapshot => snapshot.Files.Any(file => file.Name == SnapshotManifest.PageFile))
            .Select(snapshot => JsonSerializer.Serialize(new { id = snapshot.Id.ToString("D"), url = snapshot.Url, ts = ExportFormat.Time(snapshot.CapturedAt), title = snapshot.Title }, ExportFormat.CompactJson)));
        return Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n")));
    }
}
