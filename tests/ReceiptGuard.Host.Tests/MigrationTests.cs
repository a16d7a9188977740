using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Tests;

public sealed class MigrationTests
{
    private static SqliteConnection Open(string directory)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "receiptguard.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    [Fact]
    public async Task A_new_database_is_brought_to_the_latest_schema_in_WAL_mode_and_reapplying_changes_nothing()
    {
        var directory = TempDirectory.Create("migrations");
        await using var connection = Open(directory);

        Assert.Equal(Migrations.Latest, await Migrations.ApplyAsync(connection));
        Assert.Equal(Migrations.Latest, await Migrations.ApplyAsync(connection));

        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
        await using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('snapshots') WHERE name = 'order_hint';";
        Assert.Equal(1L, (long)(await columns.ExecuteScalarAsync())!);
    }

    /// <summary>Schema version 3 as it shipped (steps 1–3), with one snapshot stored by that host.</summary>
    private static async Task CreateVersion3DatabaseAsync(SqliteConnection connection, string id)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA journal_mode = WAL;
            CREATE TABLE snapshots (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, received_at TEXT NOT NULL, captured_at TEXT NOT NULL,
                url TEXT NOT NULL, title TEXT NOT NULL, site TEXT NOT NULL, decision TEXT NOT NULL, button_text TEXT NOT NULL,
                html_sha256 TEXT NOT NULL, html_bytes INTEGER NOT NULL, fingerprint TEXT NOT NULL);
            ALTER TABLE snapshots ADD COLUMN order_hint TEXT;
            ALTER TABLE snapshots ADD COLUMN capture TEXT NOT NULL DEFAULT 'guard';
            INSERT INTO snapshots (id, received_at, captured_at, url, title, site, decision, button_text, html_sha256, html_bytes, fingerprint, order_hint)
            VALUES ('{id}', '2026-11-20T10:00:00.000Z', '2026-11-20T09:59:59.000Z', 'https://buyertrade.taobao.com/', 'old', 'taobao',
                    'cancelled', '确认收货', '{new string('a', 64)}', 10, 'old-fingerprint', '123');
            PRAGMA user_version = 3;
            """;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_version_3_database_migrates_and_its_snapshots_read_as_having_no_evidence()
    {
        var directory = TempDirectory.Create("migrations");
        var id = Guid.NewGuid().ToString("D");
        await using (var connection = Open(directory))
        {
            await CreateVersion3DatabaseAsync(connection, id);
            Assert.Equal(Migrations.Latest, await Migrations.ApplyAsync(connection));
            Assert.Equal(Migrations.Latest, await Migrations.ReadVersionAsync(connection));
            await using var columns = connection.CreateCommand();
            columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('snapshots') WHERE name IN ('embedded_sha256', 'screenshot_sha256', 'screenshot_type', 'screenshot_error', 'context');";
            Assert.Equal(5L, (long)(await columns.ExecuteScalarAsync())!);
        }

        // The host reads the old row with the new shape: no screenshot, no embedded data, no context.
        using var host = new HostFactory(directory);
        using var client = host.CreateClient();
        var old = (await client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!;
        Assert.Equal("old", old["title"]!.GetValue<string>());
        Assert.Equal("123", old["orderHint"]!.GetValue<string>());
        Assert.False(old["hasScreenshot"]!.GetValue<bool>());
        Assert.False(old["hasEmbeddedData"]!.GetValue<bool>());
        Assert.Null(old["screenshotError"]);
        Assert.Null(old["context"]);
    }

    [Fact]
    public async Task A_retry_of_a_snapshot_stored_before_the_evidence_fields_is_still_the_same_snapshot()
    {
        var directory = TempDirectory.Create("migrations");
        var snapshot = Fixtures.WithoutEvidence(Fixtures.NewSnapshot());
        var id = snapshot["id"]!.GetValue<string>();
        var html = snapshot["html"]!.GetValue<string>();
        var htmlSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)));
        // The fingerprint exactly as the version 3 host computed it.
        var legacy = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0',
            id, snapshot["url"]!.GetValue<string>(), snapshot["title"]!.GetValue<string>(), "2026-11-26T08:15:30.125Z",
            "confirmed", "taobao", "确认收货", "3312345678901234567", "Guard", htmlSha256))));
        await using (var connection = Open(directory))
        {
            await CreateVersion3DatabaseAsync(connection, Guid.NewGuid().ToString("D"));
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"""
                INSERT INTO snapshots (id, received_at, captured_at, url, title, site, decision, button_text, html_sha256, html_bytes, fingerprint, order_hint)
                VALUES ($id, '2026-11-26T08:15:31.000Z', '2026-11-26T08:15:30.125Z', $url, $title, 'taobao', 'confirmed', '确认收货', '{htmlSha256}', 1, '{legacy}', '3312345678901234567');
                """;
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$url", snapshot["url"]!.GetValue<string>());
            insert.Parameters.AddWithValue("$title", snapshot["title"]!.GetValue<string>());
            await insert.ExecuteNonQueryAsync();
        }

        using var host = new HostFactory(directory);
        using var client = host.CreateClient();
        var response = await client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonObject>("/api/snapshots"))!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_rather_than_damaged()
    {
        var directory = TempDirectory.Create("migrations");
        await using var connection = Open(directory);
        await using (var future = connection.CreateCommand())
        {
            future.CommandText = $"PRAGMA user_version = {Migrations.Latest + 1};";
            await future.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrations.ApplyAsync(connection));
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }
}
