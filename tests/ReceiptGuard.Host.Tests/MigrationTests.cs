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
