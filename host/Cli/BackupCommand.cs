using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Evidence;
using ReceiptGuard.Host.Evidence.Signing;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Cli;

/// <summary>What <c>backup</c> writes beside the copy, last, so a folder with it is a complete backup.</summary>
public sealed record BackupManifest(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("snapshots")] long Snapshots,
    [property: JsonPropertyName("custodyEntries")] long CustodyEntries,
    [property: JsonPropertyName("artifacts")] int Artifacts,
    [property: JsonPropertyName("databaseSha256")] string DatabaseSha256,
    [property: JsonPropertyName("databaseBytes")] long DatabaseBytes)
{
    public const string FileName = "backup.json";
    public const int CurrentFormat = 1;
}

/// <summary>
/// <c>backup DIR [--data FOLDER]</c>: an online copy of the store, safe while the host runs. The database goes first,
/// through SQLite's backup API (a consistent snapshot even while snapshots arrive); then every artifact that copy
/// refers to — artifacts are immutable and named by their hash, and nothing that a committed row refers to is deleted
/// while the row exists, so copying them after the database is consistent; then keys/ and the manifest.
/// </summary>
public static class BackupCommand
{
    public const string Usage = "backup DIR [--data FOLDER]";

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    public static async Task<int> RunAsync(CommandLine cli, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (cli.Positionals.Count != 1)
        {
            await error.WriteLineAsync($"error: backup takes one DIR, a new or empty folder.{Environment.NewLine}usage: {Usage}");
            return 2;
        }

        var target = Path.GetFullPath(cli.Positionals[0]);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            await error.WriteLineAsync($"error: {target} is not empty; back up into a new or empty folder. Nothing written.");
            return 2;
        }

        using var store = await StoreContext.OpenAsync(cli, error, cancellationToken: cancellationToken);
        if (store is null)
        {
            return 2;
        }

        Directory.CreateDirectory(target);
        var backupDb = Path.Combine(target, Path.GetFileName(store.Data.DatabasePath));
        await using (var source = await store.Database.OpenAsync(cancellationToken))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupDb, Pooling = false }.ToString()))
        {
            await copy.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);
            // One self-contained file: no -wal beside it to lose.
            await using var mode = copy.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode = DELETE;";
            await mode.ExecuteNonQueryAsync(cancellationToken);
        }

        var (referenced, snapshots, entries) = await ReadBackupAsync(backupDb, cancellationToken);
        var artifactsRoot = Path.Combine(target, "artifacts");
        foreach (var sha256 in referenced)
        {
            var file = store.Artifacts.StoredPath(sha256);
            if (file is null)
            {
                // The store check would name this too; a backup should not silently carry the gap.
                await error.WriteLineAsync($"warning: artifact {sha256} is referenced by the store but missing from {store.Data.ArtifactsRoot}; not in the backup.");
                continue;
            }

            var to = Path.Combine(artifactsRoot, Path.GetRelativePath(store.Data.ArtifactsRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        CopyDirectory(store.Data.KeysRoot, Path.Combine(target, "keys"));
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, DateTimeOffset.UtcNow, $"{HostInfo.Name} {HostInfo.Version}", store.Data.Root,
            snapshots, entries, referenced.Count, Sha256OfFile(backupDb), new FileInfo(backupDb).Length);
        await File.WriteAllTextAsync(Path.Combine(target, BackupManifest.FileName), JsonSerializer.Serialize(manifest, ManifestJson), cancellationToken);
        await output.WriteLineAsync(
            $"Backed up {store.Data.Root} to {target}: {snapshots} snapshot(s), {entries} custody entries, {referenced.Count} artifact file(s), database sha256 {manifest.DatabaseSha256}.");
        await output.WriteLineAsync($"Bring it back with: restore {target} --data FOLDER");
        return 0;
    }

    /// <summary>What the backed-up database refers to and holds, read from the copy (not the live store).</summary>
    internal static async Task<(HashSet<string> Referenced, long Snapshots, long Entries)> ReadBackupAsync(string databasePath, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        var referenced = await EvidenceStore.ReferencedArtifactsAsync(connection, cancellationToken);
        return (referenced, await CountAsync(connection, "snapshots", cancellationToken), await CountAsync(connection, "custody_log", cancellationToken));
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {table};";
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    internal static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    internal static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    internal static JsonSerializerOptions Json => ManifestJson;
}

/// <summary>
/// <c>restore DIR [--data FOLDER] [--force]</c>: checks a backup completely before touching the data folder — the
/// database file against the manifest's hash, every artifact it refers to present with its content hash, then the
/// whole store check (custody chain, manifests, signatures) on a staging copy — and only then moves that copy into
/// place. Refuses while a host holds the folder, and a non-empty folder unless --force (which keeps the old folder
/// aside rather than deleting it).
/// </summary>
public static class RestoreCommand
{
    public const string Usage = "restore DIR [--data FOLDER] [--force]";

    public static async Task<int> RunAsync(CommandLine cli, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (cli.Positionals.Count != 1)
        {
            await error.WriteLineAsync($"error: restore takes one DIR, a folder written by backup.{Environment.NewLine}usage: {Usage}");
            return 2;
        }

        var backup = Path.GetFullPath(cli.Positionals[0]);
        var target = ReceiptGuardDefaults.ResolveDataDirectory(cli.Option("data"));
        var manifestPath = Path.Combine(backup, BackupManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            await error.WriteLineAsync($"error: {backup} is not a complete backup: {BackupManifest.FileName} is missing. Nothing restored.");
            return 1;
        }

        if (Directory.Exists(target) && DataFolderLock.IsHeld(target))
        {
            await error.WriteLineAsync($"error: a ReceiptGuard host is running on {target}. Stop it first; nothing restored.");
            return 1;
        }

        var force = cli.Option("force") is not null;
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any(e => Path.GetFileName(e) != DataFolderLock.FileName) && !force)
        {
            await error.WriteLineAsync($"error: {target} is not empty. Restore into an empty folder, or pass --force to replace it (the old folder is kept beside it). Nothing restored.");
            return 1;
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken), BackupCommand.Json)!;
        var problem = await CheckBackupFilesAsync(backup, manifest, cancellationToken);
        if (problem is not null)
        {
            await error.WriteLineAsync($"error: the backup is damaged: {problem}. Nothing restored.");
            return 1;
        }

        // Staged beside the target (same file system, so the final step is a rename) and checked there as a store.
        var parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar))!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.restoring-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            File.Copy(Path.Combine(backup, "receiptguard.db"), Path.Combine(staging, "receiptguard.db"));
            BackupCommand.CopyDirectory(Path.Combine(backup, "artifacts"), Path.Combine(staging, "artifacts"));
            BackupCommand.CopyDirectory(Path.Combine(backup, "keys"), Path.Combine(staging, "keys"));
            if (!File.Exists(Path.Combine(staging, "keys", SigningKey.FileName)))
            {
                await error.WriteLineAsync($"error: the backup is damaged: {Path.Combine(backup, "keys", SigningKey.FileName)} is missing, and without it the snapshots' signatures cannot be checked. Nothing restored.");
                return 1;
            }

            StoreReport report;
            var data = new DataDirectory(staging);
            var database = new Database(data);
            using (var key = SigningKey.LoadOrCreate(data.KeysRoot))
            {
                report = await new StoreVerifier(database, new ArtifactStore(data), key).VerifyAsync(cancellationToken);
            }

            SqliteConnection.ClearAllPools();
            if (!report.Ok)
            {
                await error.WriteLineAsync($"error: the backup in {backup} does not pass the store check: {report.FirstProblem}. Nothing restored.");
                return 1;
            }

            string? keptAside = null;
            if (Directory.Exists(target))
            {
                if (Directory.EnumerateFileSystemEntries(target).Any(e => Path.GetFileName(e) != DataFolderLock.FileName))
                {
                    keptAside = $"{target}.before-restore-{DateTime.UtcNow:yyyyMMddHHmmss}";
                    Directory.Move(target, keptAside);
                }
                else
                {
                    Directory.Delete(target, recursive: true);
                }
            }

            Directory.Move(staging, target);
            await output.WriteLineAsync(
                $"Restored {report.Snapshots} snapshot(s), {report.Entries} custody entries and {manifest.Artifacts} artifact file(s) from {backup} (backed up {manifest.CreatedAt:u} from {manifest.Source}) into {target}. The store check passed.");
            if (keptAside is not null)
            {
                await output.WriteLineAsync($"The folder it replaced is kept at {keptAside}.");
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>The first problem with the backup's own files, naming the file; null when all are as backed up.</summary>
    private static async Task<string?> CheckBackupFilesAsync(string backup, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var databasePath = Path.Combine(backup, "receiptguard.db");
        if (!File.Exists(databasePath))
        {
            return $"{databasePath} is missing";
        }

        if (BackupCommand.Sha256OfFile(databasePath) != manifest.DatabaseSha256)
        {
            return $"{databasePath} does not have the SHA-256 recorded in {BackupManifest.FileName} (changed or damaged)";
        }

        var (referenced, _, _) = await BackupCommand.ReadBackupAsync(databasePath, cancellationToken);
        var artifacts = new ArtifactStore(new DataDirectory(backup));
        foreach (var sha256 in referenced.Order(StringComparer.Ordinal))
        {
            var file = artifacts.StoredPath(sha256);
            if (file is null)
            {
                return $"artifact {sha256} is referenced by the database but missing from {Path.Combine(backup, "artifacts")}";
            }

            try
            {
                await using var stream = artifacts.OpenRead(sha256)!;
                var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
                if (actual != sha256)
                {
                    return $"{file} holds content with SHA-256 {actual}, not the {sha256} it is named for";
                }
            }
            catch (InvalidDataException exception)
            {
                return $"{file} cannot be read ({exception.Message})";
            }
        }

        return null;
    }
}
