using System.Text;
using System.Text.Json;
using ReceiptGuard.Host.Evidence.Signing;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>
/// The WACZ's own layer: datapackage-digest.json holds datapackage.json's hash and a signature of it, and
/// datapackage.json lists every other file with its hash and size.
/// </summary>
internal static class WaczCheck
{
    private const string Sha256Prefix = "sha256:";

    public static FormatCheck Check(IReadOnlyDictionary<string, byte[]> files, List<string> checkedItems)
    {
        var packageBytes = files[WaczDataPackage.FileName];
        if (!files.TryGetValue(WaczDigest.FileName, out var digestBytes) || Read<WaczDigest>(digestBytes) is not { SignedData: not null } digest)
        {
            return FormatCheck.Failed($"{WaczDigest.FileName}: missing or unreadable");
        }

        if (digest.Path != WaczDataPackage.FileName || digest.Hash != Sha256Prefix + ExportFormat.Sha256Hex(packageBytes))
        {
            return FormatCheck.Failed($"{WaczDataPackage.FileName}: sha256 differs from {WaczDigest.FileName}");
        }

        var signed = digest.SignedData;
        var publicKeyDer = FromBase64(signed.PublicKey);
        var signature = FromBase64(signed.Signature);
        if (publicKeyDer is null || signature is null)
        {
            return FormatCheck.Failed($"{WaczDigest.FileName}: signedData.publicKey or signedData.signature is not base64");
        }

        var fingerprint = SigningKey.FingerprintOf(publicKeyDer);
        if (signed.Hash != digest.Hash || !SigningKey.VerifyWith(publicKeyDer, Encoding.UTF8.GetBytes(signed.Hash), signature))
        {
            return FormatCheck.Failed($"{WaczDigest.FileName}: signedData.signature is not a valid signature of the hash of {WaczDataPackage.FileName}", fingerprint);
        }

        checkedItems.Add($"{WaczDigest.FileName}: a valid signature of {WaczDataPackage.FileName}'s hash by the key {fingerprint}");
        if (Read<WaczDataPackage>(packageBytes) is not { Resources: not null } package || package.Resources.Any(resource => resource?.Path is null))
        {
            return FormatCheck.Failed($"{WaczDataPackage.FileName}: unreadable", fingerprint);
        }

        if (package.Resources.FirstOrDefault(resource => resource.Hash?.StartsWith(Sha256Prefix, StringComparison.Ordinal) != true) is { } odd)
        {
            return FormatCheck.Failed($"{odd.Path}: {WaczDataPackage.FileName} gives no sha256 for it", fingerprint);
        }

        var listed = package.Resources.Select(resource => new ListedFile(resource.Path, resource.Hash[Sha256Prefix.Length..], resource.Bytes)).ToList();
        var problem = ListedFile.CheckAll(files, listed, WaczDataPackage.FileName, _ => true, new HashSet<string>([WaczDataPackage.FileName, WaczDigest.FileName], StringComparer.Ordinal));
        if (problem is not null)
        {
            return FormatCheck.Failed(problem, fingerprint);
        }

        checkedItems.Add($"{WaczDataPackage.FileName}: its {listed.Count} files are present with their sha256 and size, and nothing else is");
        var pemPath = WaczWriter.EvidenceRoot + BundleDocument.PublicKeyFileName;
        if (files.TryGetValue(pemPath, out var pem) && !(ZipBundleCheck.PublicKeyOf(pem) ?? []).AsSpan().SequenceEqual(publicKeyDer))
        {
            return FormatCheck.Failed($"{pemPath}: not the key in {WaczDigest.FileName}", fingerprint);
        }

        return new FormatCheck(null, fingerprint, publicKeyDer, WaczWriter.EvidenceRoot);
    }

    private static T? Read<T>(byte[] json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, ExportFormat.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? FromBase64(string? text)
    {
        try
        {
            return text is null ? null : Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
