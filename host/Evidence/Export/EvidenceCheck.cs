using System.Text.Json;
using ReceiptGuard.Host.Evidence.Custody;
using ReceiptGuard.Host.Evidence.Manifests;
using ReceiptGuard.Host.Evidence.Signing;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>
/// The checks that are the same in both formats, below the archive's own list: each snapshot manifest signed by the
/// bundle's key and its files as it describes them, and the custody log's hash chain.
/// </summary>
internal static class EvidenceCheck
{
    public static string? Check(IReadOnlyDictionary<string, byte[]> files, string root, byte[] publicKeyDer, List<string> checkedItems)
    {
        var snapshotsRoot = root + "snapshots/";
        var folders = files.Keys
            .Where(path => path.StartsWith(snapshotsRoot, StringComparison.Ordinal))
            .Select(path => path[snapshotsRoot.Length..].Split('/')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var problem = CheckSnapshot(files, $"{snapshotsRoot}{folder}/", folder, publicKeyDer, checkedItems);
            if (problem is not null)
            {
                return problem;
            }
        }

        return CheckCustody(files, root + CustodyJsonl.FileName, checkedItems);
    }

    private static string? CheckSnapshot(IReadOnlyDictionary<string, byte[]> files, string folder, string folderName, byte[] publicKeyDer, List<string> checkedItems)
    {
        if (!Guid.TryParseExact(folderName, "D", out var id) || folderName != id.ToString("D"))
        {
            return $"{folder}: not a snapshot folder (its name is not a snapshot id)";
        }

        var manifestPath = folder + SnapshotFolder.Manifest;
        var signaturePath = folder + SnapshotFolder.ManifestSignature;
        if (!files.TryGetValue(manifestPath, out var manifestBytes))
        {
            return $"{manifestPath}: missing";
        }

        if (!files.TryGetValue(signaturePath, out var signature))
        {
            return $"{signaturePath}: missing";
        }

        if (!SigningKey.VerifyWith(publicKeyDer, manifestBytes, signature))
        {
            return $"{signaturePath}: not a valid signature of manifest.json by the bundle's key";
        }

        SnapshotManifest manifest;
        try
        {
            manifest = SnapshotManifest.Parse(manifestBytes);
        }
        catch (JsonException exception)
        {
            return $"{manifestPath}: not a snapshot manifest ({exception.Message})";
        }

        if (manifest.Files is null || manifest.Files.Any(file => file?.Name is null || file.Sha256 is null))
        {
            return $"{manifestPath}: has a file without name or sha256";
        }

        if (manifest.SnapshotId != id)
        {
            return $"{manifestPath}: describes snapshot {manifest.SnapshotId}, not {id}";
        }

        if (manifest.Files.FirstOrDefault(file => !SnapshotFolder.IsPlainName(file.Name)) is { } odd)
        {
            return $"{manifestPath}: lists '{odd.Name}', which cannot be a file of the folder";
        }

        var listed = manifest.Files.Select(file => new ListedFile(folder + file.Name, file.Sha256, file.Size)).ToList();
        var ownFiles = new HashSet<string>(
            [manifestPath, signaturePath, folder + SnapshotFolder.ParseResult, folder + SnapshotFolder.Timestamp],
            StringComparer.Ordinal);
        var problem = ListedFile.CheckAll(files, listed, manifestPath, path => path.StartsWith(folder, StringComparison.Ordinal), ownFiles);
        if (problem is not null)
        {
            return problem;
        }

        checkedItems.Add($"{folder}: manifest.json signed by the bundle's key; its {listed.Count} files match it");
        return null;
    }

    private static string? CheckCustody(IReadOnlyDictionary<string, byte[]> files, string path, List<string> checkedItems)
    {
        if (!files.TryGetValue(path, out var jsonl))
        {
            return $"{path}: missing";
        }

        var (entries, problem) = CustodyJsonl.Parse(jsonl, path);
        if (problem is not null)
        {
            return problem;
        }

        CustodyEntry? previous = null;
        foreach (var (line, entry) in entries)
        {
            var at = $"{path} line {line} (seq {entry.Seq})";
            if (!entry.IsIntact)
            {
                return $"{at}: hash does not match its fields";
            }

            if (previous is not null && entry.Seq <= previous.Seq)
            {
                return $"{at}: out of order after seq {previous.Seq}";
            }

            if (previous is not null && entry.Seq == previous.Seq + 1 && entry.PreviousHash != previous.Hash)
            {
                return $"{at}: previousHash is not the hash of seq {previous.Seq}";
            }

            previous = entry;
        }

        checkedItems.Add($"{path}: {entries.Count} entries intact, consecutive ones linked");
        return null;
    }
}
