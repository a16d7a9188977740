using System.Globalization;
using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Settings;

/// <summary>The host settings: one row in <c>host_settings</c>, the defaults until they are first changed.</summary>
public sealed class SettingsStore(Database database, TimeProvider clock)
{
    public async Task<HostSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, cancellationToken);
    }

    /// <summary>Saves the settings; false when they equal what is stored (nothing to tell the clients).</summary>
    public async Task<bool> SaveAsync(HostSettings settings, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE: compare and write as one step, so two saves cannot both see the old value.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (await ReadAsync(connection, transaction, cancellationToken) == settings)
        {
            return false;
        }

        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO host_settings (id, max_resource_bytes, max_total_bytes, screenshots, updated_at)
            VALUES (1, $maxResourceBytes, $maxTotalBytes, $screenshots, $updatedAt)
            ON CONFLICT(id) DO UPDATE SET
                max_resource_bytes = excluded.max_resource_bytes,
                max_total_bytes    = excluded.max_total_bytes,
                screenshots        = excluded.screenshots,
                updated_at         = excluded.updated_at;
            """;
        upsert.Parameters.AddWithValue("$maxResourceBytes", settings.MaxResourceBytes);
        upsert.Parameters.AddWithValue("$maxTotalBytes", settings.MaxTotalBytes);
        upsert.Parameters.AddWithValue("$screenshots", settings.Screenshots ? 1 : 0);
        upsert.Parameters.AddWithValue("$updatedAt", clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        await upsert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<HostSettings> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT max_resource_bytes, max_total_bytes, screenshots FROM host_settings WHERE id = 1;";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new HostSettings(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2) != 0)
            : HostSettings.Defaults;
    }
}
