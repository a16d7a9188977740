namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>A file as a signed list (bundle.json, datapackage.json, a manifest) describes it.</summary>
internal sealed record ListedFile(string Path, string Sha256, long Size)
{
    /// <summary>
    /// Every listed file present with its SHA-256 and size, listed once, and no file in <paramref name="scope"/> the
    /// list leaves out except <paramref name="exempt"/> (the list and its signature).
    /// </summary>
    public static string? CheckAll(
        IReadOnlyDictionary<string, byte[]> files,
        IReadOnlyList<ListedFile> listed,
        string listName,
        Func<string, bool> scope,
        IReadOnlySet<string> exempt)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in listed)
        {
            if (!seen.Add(file.Path))
            {
                return $"{file.Path}: listed twice in {listName}";
            }

            if (!files.TryGetValue(file.Path, out var content))
            {
                return $"{file.Path}: listed in {listName} but missing";
            }

            if (content.LongLength != file.Size)
            {
                return $"{file.Path}: size {content.LongLength} differs from {listName} ({file.Size})";
            }

            if (ExportFormat.Sha256Hex(content) != file.Sha256)
            {
                return $"{file.Path}: sha256 differs from {listName}";
            }
        }

        var unlisted = files.Keys.Where(scope).Where(path => !seen.Contains(path) && !exempt.Contains(path)).Order(StringComparer.Ordinal).FirstOrDefault();
        return unlisted is null ? null : $"{unlisted}: not listed in {listName}";
    }
}
