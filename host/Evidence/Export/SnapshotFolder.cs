namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>The files of one snapshot folder, the same in both formats: the evidence files, then its manifest and signature.</summary>
internal static class SnapshotFolder
{
    public const string Manifest = "manifest.json";
    public const string ManifestSignature = "manifest.sig";
    public const string ParseResult = "parsed.json";
    public const string Timestamp = "timestamp.tsr";

    public static string PathOf(string root, Guid id) => $"{root}snapshots/{id:D}/";

    public static IEnumerable<BundleEntry> Entries(string root, ExportSnapshot snapshot)
    {
        var folder = PathOf(root, snapshot.Id);
        foreach (var file in snapshot.Files.OrderBy(file => file.Name, StringComparer.Ordinal))
        {
            if (!IsPlainName(file.Name))
            {
                throw new ArgumentException($"snapshot {snapshot.Id}: '{file.Name}' cannot be a file name in its folder", nameof(snapshot));
            }

            yield return new BundleEntry(folder + file.Name, file.Content);
        }

        yield return new BundleEntry(folder + Manifest, snapshot.Manifest);
        yield return new BundleEntry(folder + ManifestSignature, snapshot.ManifestSignature);
        if (snapshot.ParseResult is { } parsed)
        {
            yield return new BundleEntry(folder + ParseResult, parsed);
        }

        if (snapshot.Timestamp is { } timestamp)
        {
            yield return new BundleEntry(folder + Timestamp, timestamp);
        }
    }

    /// <summary>A file name the folder can hold: no path, and not one of the names the bundle itself uses.</summary>
    public static bool IsPlainName(string name) =>
        name.Length > 0 && name.IndexOfAny(['/', '\\']) < 0 && name is not ("." or ".." or Manifest or ManifestSignature or ParseResult or Timestamp);
}
