using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Tests.Reliability;

/// <summary>
/// For real, not with a test double: the data folder on a 4 MB tmpfs that is then filled (ENOSPC), and then remounted
/// read-only (EROFS). Each refused ingest is a problem+json (507 / 503 naming the folder), leaves no temporary file
/// and no row, what was acknowledged before stays readable, and the host keeps serving. Needs root (mount), as the
/// test machines run; the test fails rather than pass silently when it cannot mount.
/// </summary>
public sealed class StorageFailureTests : IDisposable
{
    private readonly string _mount = TempDirectory.Create("tmpfs");

    public StorageFailureTests()
    {
        Run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", _mount);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Run("umount", "-l", _mount);
        Directory.Delete(_mount, recursive: true);
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed (this test needs root to mount a tmpfs): {error}");
    }

    /// <summary>A page gzip cannot shrink much, so it takes about its size on disk.</summary>
    private static StringContent Snapshot(string id, int bytes)
    {
        var random = new Random(id.GetHashCode(StringComparison.Ordinal));
        var text = new StringBuilder(bytes);
        while (text.Length < bytes)
        {
            text.Append((char)random.Next('a', 'z' + 1));
        }

        var snapshot = Fixtures.NewSnapshot(s =>
        {
            s["id"] = id;
            s["html"] = $"<html><body><p>{text}</p></body></html>";
            s["screenshot"] = null;
            s["screenshotError"] = "none in this test";
        });
        return new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json");
    }

    private static async Task AssertNothingHalfWrittenAsync(HostFactory host, HttpClient client, string refusedId, IEnumerable<string> acknowledged)
    {
        Assert.Empty(Directory.EnumerateFiles(host.DataDirectory, "*" + ArtifactStore.TempSuffix, SearchOption.AllDirectories));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/snapshots/{refusedId}")).StatusCode);
        foreach (var id in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/snapshots/{id}/html")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
        var verify = await client.GetFromJsonAsync<JsonObject>("/api/evidence/verify");
        Assert.True(verify!["ok"]!.GetValue<bool>(), verify.ToJsonString());
    }

    [Fact]
    public async Task A_full_disk_answers_507_and_a_read_only_folder_503_with_nothing_half_written_and_reads_still_served()
    {
        var data = Path.Combine(_mount, "data");
        using var host = new HostFactory(data);
        using var client = ApiClients.For(host);
        var acknowledged = new List<string>();
        for (var n = 0; n < 3; n++)
        {
            var id = Guid.NewGuid().ToString("D");
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/snapshots", Snapshot(id, 20_000))).StatusCode);
            acknowledged.Add(id);
        }

        // Leave about 200 KB free, then send a page of 1 MB.
        var filler = Path.Combine(_mount, "filler");
        var free = new DriveInfo(_mount).AvailableFreeSpace;
        await File.WriteAllBytesAsync(filler, new byte[free - 200 * 1024]);
        var big = Guid.NewGuid().ToString("D");
        using (var response = await client.PostAsync("/api/snapshots", Snapshot(big, 1024 * 1024)))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.InsufficientStorage, $"{(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("no space left", body, StringComparison.OrdinalIgnoreCase);
        }

        await AssertNothingHalfWrittenAsync(host, client, big, acknowledged);
        File.Delete(filler);

        // Read-only: as a failing disk the kernel remounts read-only would leave it. A read-only bind mount over the
        // data folder (the tmpfs itself is busy with the open database): new writes there fail with EROFS.
        Run("mount", "--bind", data, data);
        Run("mount", "-o", "remount,bind,ro", data);
        var refused = Guid.NewGuid().ToString("D");
        using (var response = await client.PostAsync("/api/snapshots", Snapshot(refused, 20_000)))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(Path.GetFullPath(data), body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/snapshots")).StatusCode);
        foreach (var id in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/snapshots/{id}/html")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/snapshots/{refused}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);

        // Writable again: the host takes snapshots again without a restart, and the store is whole.
        Run("umount", data);
        var again = Guid.NewGuid().ToString("D");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/snapshots", Snapshot(again, 20_000))).StatusCode);
        acknowledged.Add(again);
        await AssertNothingHalfWrittenAsync(host, client, refused, acknowledged);
    }
}

/// <summary>A damaged database is found at start-up (quick_check) and left unchanged, instead of taking snapshots into it.</summary>
public sealed class DatabaseCheckTests
{
    [Fact]
    public async Task A_corrupted_database_stops_the_host_at_start_up_naming_the_file()
    {
        var data = TempDirectory.Create("corrupt");
        using (var host = new HostFactory(data))
        {
            using var client = ApiClients.For(host);
            for (var n = 0; n < 30; n++)
            {
                var snapshot = Fixtures.NewSnapshot(s => s["html"] = $"<html><body>{n} {new string('x', 2000)}</body></html>");
                (await client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            }
        }

        SqliteConnection.ClearAllPools();
        var database = Path.Combine(data, "receiptguard.db");
        // Fold the WAL in, then overwrite pages past the header with garbage: the file still opens as SQLite.
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        var bytes = await File.ReadAllBytesAsync(database);
        Assert.True(bytes.Length > 8 * 4096, $"database only {bytes.Length} bytes");
        new Random(9).NextBytes(bytes.AsSpan(2 * 4096, 4 * 4096));
        await File.WriteAllBytesAsync(database, bytes);

        // The start-up step itself (WebApplicationFactory hides a failed start behind ObjectDisposedException; the
        // e2e ReliabilityProcessTests check the real process exits 3 with this message).
        var found = await Assert.ThrowsAsync<DamagedDatabaseException>(() => DatabaseInitializer.CheckAsync(new Database(new DataDirectory(data)), CancellationToken.None));
        Assert.Contains(database, found.Message, StringComparison.Ordinal);
        Assert.Contains("restore", found.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(database));
    }
}
