using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Cli;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Tests.Reliability;

/// <summary>
/// <c>backup DIR</c> while snapshots keep arriving, then <c>restore DIR</c> into an empty folder: the restored store
/// passes the store check and holds exactly what the backup says; a damaged backup is refused naming the file, and
/// nothing is restored while a host runs on the folder or into a non-empty folder.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly HostFactory _host = new();
    private readonly HttpClient _client;
    private readonly string _work = TempDirectory.Create("backup");

    public BackupRestoreTests()
    {
        _client = ApiClients.For(_host);
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }

    private async Task<HttpStatusCode> PostAsync(int n)
    {
        var snapshot = Fixtures.NewSnapshot(s => s["html"] = $"<html><body><p>order page {n} {Guid.NewGuid()}</p></body></html>");
        using var response = await _client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var cli = CommandLine.Parse(args);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = cli.Command switch
        {
            "backup" => await BackupCommand.RunAsync(cli, output, error),
            "restore" => await RestoreCommand.RunAsync(cli, output, error),
            "verify" => await VerifyCommand.RunAsync(cli, output, error),
            _ => throw new ArgumentException(cli.Command),
        };
        return (code, output.ToString(), error.ToString());
    }

    private static long Count(string dataFolder, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "receiptguard.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>A backup with some snapshots in it, taken while nothing else runs.</summary>
    private async Task<string> QuietBackupAsync()
    {
        for (var n = 0; n < 3; n++)
        {
            Assert.Equal(HttpStatusCode.Created, await PostAsync(n));
        }

        var backup = Path.Combine(_work, "quiet-backup");
        var (code, _, error) = await RunAsync("backup", backup, "--data", _host.DataDirectory);
        Assert.True(code == 0, error);
        return backup;
    }

    [Fact]
    public async Task Backup_while_ingesting_then_restore_into_an_empty_folder_passes_the_store_check_with_matching_counts()
    {
        Assert.Equal(HttpStatusCode.Created, await PostAsync(-1));
        using var stop = new CancellationTokenSource();
        var acknowledged = 0;
        var ingest = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                Assert.Equal(HttpStatusCode.Created, await PostAsync(worker * 100_000 + n));
                Interlocked.Increment(ref acknowledged);
            }
        })).ToArray();

        // Let snapshots flow, back up in the middle of them, and keep them flowing a little after.
        while (Volatile.Read(ref acknowledged) < 20)
        {
            await Task.Delay(10);
        }

        var before = Volatile.Read(ref acknowledged) + 1;
        var backup = Path.Combine(_work, "backup");
        var (code, output, error) = await RunAsync("backup", backup, "--data", _host.DataDirectory);
        var after = Volatile.Read(ref acknowledged) + 1;
        await Task.Delay(200);
        await stop.CancelAsync();
        await Task.WhenAll(ingest);
        Assert.True(code == 0, error);
        Assert.Contains("Backed up", output, StringComparison.Ordinal);

        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(backup, BackupManifest.FileName)))!;
        var backedUp = manifest["snapshots"]!.GetValue<long>();
        // A consistent point in the middle of the ingest: everything acknowledged before it started, not more than
        // was acknowledged by the time it ended (one in flight per worker may commit in between).
        Assert.InRange(backedUp, before, after + 4);
        Assert.True(Volatile.Read(ref acknowledged) + 1 > backedUp, "the ingest did not go on after the backup");

        var restored = Path.Combine(_work, "restored");
        (code, output, error) = await RunAsync("restore", backup, "--data", restored);
        Assert.True(code == 0, error);
        Assert.Contains($"Restored {backedUp} snapshot(s)", output, StringComparison.Ordinal);

        (code, output, error) = await RunAsync("verify", "--data", restored);
        Assert.True(code == 0, error);
        Assert.Equal(backedUp, Count(restored, "SELECT COUNT(*) FROM snapshots;"));
        Assert.Equal(manifest["custodyEntries"]!.GetValue<long>(), Count(restored, "SELECT COUNT(*) FROM custody_log;"));
        // Every file the restored rows refer to is there (verify checked their hashes).
        Assert.Equal(manifest["artifacts"]!.GetValue<int>(), Directory.EnumerateFiles(Path.Combine(restored, "artifacts"), "*", SearchOption.AllDirectories).Count());
        Assert.False(Directory.EnumerateDirectories(_work, ".restored.restoring-*").Any(), "the staging folder was left behind");
    }

    [Fact]
    public async Task A_backup_with_a_damaged_artifact_is_refused_naming_the_file_and_nothing_is_restored()
    {
        var backup = await QuietBackupAsync();
        var victim = Directory.EnumerateFiles(Path.Combine(backup, "artifacts"), "*.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        // A valid gzip of other content: only the hash check can catch it.
        await using (var file = File.Create(victim))
        await using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            await gzip.WriteAsync("not the page that was stored"u8.ToArray());
        }

        var restored = Path.Combine(_work, "restored");
        var (code, _, error) = await RunAsync("restore", backup, "--data", restored);
        Assert.Equal(1, code);
        Assert.Contains(victim, error, StringComparison.Ordinal);
        Assert.Contains("Nothing restored", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(restored) && Directory.EnumerateFileSystemEntries(restored).Any());
    }

    [Fact]
    public async Task A_backup_whose_database_changed_is_refused_naming_the_database_file()
    {
        var backup = await QuietBackupAsync();
        var database = Path.Combine(backup, "receiptguard.db");
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE snapshots SET title = 'edited' WHERE seq = 1;";
            edit.ExecuteNonQuery();
        }

        var (code, _, error) = await RunAsync("restore", backup, "--data", Path.Combine(_work, "restored"));
        Assert.Equal(1, code);
        Assert.Contains(database, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_refuses_a_folder_a_host_is_running_on_and_a_non_empty_folder_without_force()
    {
        var backup = await QuietBackupAsync();

        // The in-process host holds its data folder's lock, so even --force is refused there.
        var (code, _, error) = await RunAsync("restore", backup, "--data", _host.DataDirectory, "--force");
        Assert.Equal(1, code);
        Assert.Contains("host is running", error, StringComparison.Ordinal);

        var occupied = Path.Combine(_work, "occupied");
        Directory.CreateDirectory(occupied);
        await File.WriteAllTextAsync(Path.Combine(occupied, "something.txt"), "keep me");
        (code, _, error) = await RunAsync("restore", backup, "--data", occupied);
        Assert.Equal(1, code);
        Assert.Contains("not empty", error, StringComparison.Ordinal);

        (code, var output, error) = await RunAsync("restore", backup, "--data", occupied, "--force");
        Assert.True(code == 0, error);
        var keptAside = Directory.EnumerateDirectories(_work, "occupied.before-restore-*").Single();
        Assert.Equal("keep me", await File.ReadAllTextAsync(Path.Combine(keptAside, "something.txt")));
        Assert.Contains(keptAside, output, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("verify", "--data", occupied)).Code);
    }

    [Fact]
    public async Task Backup_refuses_a_non_empty_folder()
    {
        Assert.Equal(HttpStatusCode.Created, await PostAsync(0));
        var target = Path.Combine(_work, "full");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "x"), "x");
        var (code, _, error) = await RunAsync("backup", target, "--data", _host.DataDirectory);
        Assert.Equal(2, code);
        Assert.Contains("not empty", error, StringComparison.Ordinal);
        Assert.Single(Directory.EnumerateFileSystemEntries(target));
    }
}
