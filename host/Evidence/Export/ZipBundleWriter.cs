using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ReceiptGuard.Host.Evidence.Signing;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>
/// The ReceiptGuard bundle: a zip of snapshot folders, custody.jsonl, README.txt and public-key.pem, listed with their
/// SHA-256 in bundle.json, which bundle.sig signs. Checkable with sha256sum and openssl alone.
/// </summary>
public static class ZipBundleWriter
{
    private static readonly string OpensslCommand =
        $"openssl dgst -sha256 -verify {BundleDocument.PublicKeyFileName} -signature {BundleDocument.SignatureFileName} {BundleDocument.FileName}";

    private static readonly (string, string) SignatureHowTo = (
        $"检查 bundle.sig 是 bundle.json 的有效签名（应输出 Verified OK）：\n                   {OpensslCommand}",
        $"Check that bundle.sig is a valid signature of bundle.json (it should print Verified OK):\n                   {OpensslCommand}");

    public static async Task WriteAsync(ExportBundle bundle, SigningKey key, Stream output, CancellationToken cancellationToken = default)
    {
        var listed = new List<BundleEntry>
        {
            new(BundleDocument.ReadmeFileName, BundleReadme.Text(
                key.Fingerprint,
                root: "",
                BundleDocument.FileName,
                SignatureHowTo)),
            new(BundleDocument.PublicKeyFileName, Encoding.ASCII.GetBytes(key.PublicKeyPem)),
            new(CustodyJsonl.FileName, CustodyJsonl.ToJsonl(bundle.Custody)),
        };
        var snapshots = bundle.Snapshots.OrderBy(snapshot => snapshot.CapturedAt).ThenBy(snapshot => snapshot.Id).ToList();
        listed.AddRange(snapshots.SelectMany(snapshot => SnapshotFolder.Entries("", snapshot)));

        var document = new BundleDocument(
            BundleDocument.CurrentFormat,
            bundle.Title,
            ExportFormat.Time(bundle.CreatedAt),
            bundle.HostVersion,
            new BundleSigningKey(SigningKey.Algorithm, key.Fingerprint),
            snapshots.Select(snapshot => new BundleSnapshot(snapshot.Id, snapshot.Url, snapshot.Title, ExportFormat.Time(snapshot.CapturedAt), SnapshotFolder.PathOf("", snapshot.Id))).ToList(),
            listed.Select(entry => new BundleFile(entry.Path, entry.Sha256, entry.Content.LongLength)).ToList());
        var documentBytes = JsonSerializer.SerializeToUtf8Bytes(document, ExportFormat.Json);

        BundleEntry[] entries =
        [
            new(BundleDocument.FileName, documentBytes),
            new(BundleDocument.SignatureFileName, key.Sign(documentBytes)),
            .. listed,
        ];
        await DeterministicZip.WriteAsync(output, entries, bundle.CreatedAt, CompressionLevel.Optimal, cancellationToken);
    }
}
