using Microsoft.Data.Sqlite;

namespace ReceiptGuard.Host.Storage;

/// <summary>
/// Opens connections to the host's SQLite file. The schema is migrated once, at start-up, by
/// <see cref="DatabaseInitializer"/>; every connection after that finds it current.
/// </summary>
public sealed class Database(DataDirectory data)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = data.DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public string Path => data.DatabasePath;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // Per-connection settings: FULL makes an acknowledged snapshot survive power loss, not only a crash.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
