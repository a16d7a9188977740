using System.IO.Compression;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>The files of a zip read into memory by name, refusing what would make "the file named X" ambiguous.</summary>
internal static class ArchiveFiles
{
    /// <summary>Evidence bundles hold pages and screenshots, not gigabytes; more is a zip bomb or not ours.</summary>
    private const long MaxTotalBytes = 2L * 1024 * 1024 * 1024;

    public static (IReadOnlyDictionary<string, byte[]>? Files, string? Problem) Read(Stream zip)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long total = 0;
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/') && entry.Length == 0)
                {
                    continue; // a folder entry, as some zip tools add when repacking
                }

                total += entry.Length;
                if (total > MaxTotalBytes)
                {
                    return (null, $"{entry.FullName}: the archive unpacks to more than {MaxTotalBytes} bytes");
                }

                if (files.ContainsKey(entry.FullName))
                {
                    return (null, $"{entry.FullName}: appears twice in the archive");
                }

                using var content = entry.Open();
                using var buffer = new MemoryStream((int)entry.Length);
                content.CopyTo(buffer);
                files.Add(entry.FullName, buffer.ToArray());
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return (null, $"not a readable zip archive: {exception.Message}");
        }

        return (files, null);
    }
}
