using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReceiptGuard.Host.Evidence.Signing;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>The zip bundle's own layer: bundle.json signed by public-key.pem, and every other file as bundle.json lists it.</summary>
internal static class ZipBundleCheck
{
    public static FormatCheck Check(IReadOnlyDictionary<string, byte[]> files, List<string> checkedItems)
    {
        var documentBytes = files[BundleDocument.FileName];
        BundleDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<BundleDocument>(documentBytes, ExportFormat.Json);
        }
        catch (JsonException exception)
        {
            return FormatCheck.Failed($"{BundleDocument.FileName}: unreadable ({exception.Message})");
        }

        if (document is not { Format: BundleDocument.CurrentFormat, SigningKey: not null, Files: not null, Snapshots: not null }
            || document.Files.Any(file => file?.Path is null || file.Sha256 is null)
            || document.Snapshots.Any(snapshot => snapshot is null))
        {
            return FormatCheck.Failed($"{BundleDocument.FileName}: not a {BundleDocument.CurrentFormat} document");
        }

        if (!files.TryGetValue(BundleDocument.PublicKeyFileName, out var pem) || PublicKeyOf(pem) is not { } publicKeyDer)
        {
            return FormatCheck.Failed($"{BundleDocument.PublicKeyFileName}: missing or not a public key");
        }

        var fingerprint = SigningKey.FingerprintOf(publicKeyDer);
        if (!files.TryGetValue(BundleDocument.SignatureFileName, out var signature)
            || !SigningKey.VerifyWith(publicKeyDer, documentBytes, signature))
        {
            return FormatCheck.Failed($"{BundleDocument.SignatureFileName}: not a valid signature of {BundleDocument.FileName} by {BundleDocument.PublicKeyFileName}", fingerprint);
        }

        checkedItems.Add($"{BundleDocument.SignatureFileName}: a valid signature of {BundleDocument.FileName} by the key {fingerprint}");
        if (document.SigningKey.Fingerprint != fingerprint)
        {
            return FormatCheck.Failed($"{BundleDocument.FileName}: names the key {document.SigningKey.Fingerprint}, but {BundleDocument.PublicKeyFileName} is {fingerprint}", fingerprint);
        }

        var listed = document.Files.Select(file => new ListedFile(file.Path, file.Sha256, file.Size)).ToList();
        var problem = ListedFile.CheckAll(files, listed, BundleDocument.FileName, _ => true, new HashSet<string>([BundleDocument.FileName, BundleDocument.SignatureFileName], StringComparer.Ordinal));
        if (problem is not null)
        {
            return FormatCheck.Failed(problem, fingerprint);
        }

        checkedItems.Add($"{BundleDocument.FileName}: its {listed.Count} files are present with their sha256 and size, and nothing else is");
        var folderless = document.Snapshots.FirstOrDefault(snapshot => !files.ContainsKey(SnapshotFolder.PathOf("", snapshot.Id) + SnapshotFolder.Manifest));
        if (folderless is not null)
        {
            return FormatCheck.Failed($"{BundleDocument.FileName}: snapshot {folderless.Id} has no {SnapshotFolder.PathOf("", folderless.Id)}{SnapshotFolder.Manifest}", fingerprint);
        }

        return new FormatCheck(null, fingerprint, publicKeyDer, "");
    }

    /// <summary>The SubjectPublicKeyInfo in a PEM file, or null when it holds none.</summary>
    public static byte[]? PublicKeyOf(byte[] pem)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(Encoding.ASCII.GetString(pem));
            return key.ExportSubjectPublicKeyInfo();
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>What a format's own layer found, and where the evidence it vouches for sits.</summary>
/// <param name="PublicKeyDer">The key the archive is signed with; the snapshot manifests must be signed with it too.</param>
internal sealed record FormatCheck(string? Problem, string Fingerprint, byte[]? PublicKeyDer, string EvidenceRoot)
{
    public static FormatCheck Failed(string problem, string fingerprint = "") => new(problem, fingerprint, null, "");
}
