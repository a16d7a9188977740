using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Evidence;

/// <summary>
/// Where this host keeps its data and how much: the settings page shows it read-only (the folder is chosen at start,
/// with <c>--data DIR</c> or <c>RECEIPTGUARD_DATA</c>).
/// </summary>
public sealed record DataFolderReport(
    string Root, string Database, string Artifacts, string Keys, long TotalBytes, long DatabaseBytes, long ArtifactsBytes, int ArtifactFiles, int Snapshots);

public static class DataFolder
{
    private static readonly string[] DatabaseSuffixes = ["", "-wal", "-shm"];

    public static async Task<DataFolderReport> ReportAsync(DataDirectory data, Database database, CancellationToken cancellationToken = default)
    {
        int snapshots;
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM snapshots;";
            snapshots = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        // The database is the file and, in WAL mode, its -wal and -shm companions: all of it is on disk.
        var databaseBytes = DatabaseSuffixes.Sum(suffix => SizeOf(new FileInfo(data.DatabasePath + suffix)));
        var (artifactsBytes, artifactFiles) = Measure(data.ArtifactsRoot);
        var (totalBytes, _) = Measure(data.Root);
        return new DataFolderReport(
            data.Root, data.DatabasePath, data.ArtifactsRoot, data.KeysRoot, totalBytes, databaseBytes, artifactsBytes, artifactFiles, snapshots);
    }

    private static (long Bytes, int Files) Measure(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return (0, 0);
        }

        long bytes = 0;
        var files = 0;
        // Files come and go while the host runs (an ingest, a sweep): one that vanished mid-walk counts as nothing.
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            bytes += SizeOf(file);
            files++;
        }

        return (bytes, files);
    }

    private static long SizeOf(FileInfo file)
    {
        try
        {
            file.Refresh();
            return file.Exists ? file.Length : 0;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }
}
