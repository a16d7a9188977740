using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ReceiptGuard.Host.Storage;

/// <summary>
/// Checks, then creates or migrates, the database before the server accepts its first request. A damaged database
/// stops the host with <see cref="DamagedDatabaseException"/> (the run command exits non-zero saying what to do): an
/// evidence store must not take new snapshots into a file it cannot trust, and a read-only mode would still serve
/// records that may be wrong. The copy to restore from is a backup (the <c>restore</c> command).
/// </summary>
public sealed class DatabaseInitializer(Database database, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await CheckAsync(database, cancellationToken);
        var checkedIn = clock.Elapsed;
        await using var connection = await database.OpenAsync(cancellationToken);
        var version = await Migrations.ApplyAsync(connection, cancellationToken);
        logger.LogInformation("Database {Path} at schema version {Version}; quick_check passed in {Ms:F0} ms", database.Path, version, checkedIn.TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// <c>PRAGMA quick_check</c>: every page and record readable, without the index-vs-table cross-check of
    /// integrity_check, which is several times slower on a large store (see README, Reliability).
    /// </summary>
    /// <exception cref="DamagedDatabaseException">the file is not a database or the check found damage.</exception>
    public static async Task CheckAsync(Database database, CancellationToken cancellationToken)
    {
        if (!File.Exists(database.Path))
        {
            return;
        }

        var problems = new List<string>();
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check(20);";
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var line = reader.GetString(0);
                if (line != "ok")
                {
                    problems.Add(line);
                }
            }
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 11 or 26) // SQLITE_CORRUPT, SQLITE_NOTADB
        {
            problems.Add(exception.Message);
        }

        if (problems.Count > 0)
        {
            SqliteConnection.ClearAllPools();
            throw new DamagedDatabaseException(database.Path, problems);
        }
    }
}

public sealed class DamagedDatabaseException(string path, IReadOnlyList<string> problems)
    : Exception($"the database {path} is damaged ({string.Join("; ", problems.Take(3))}). Nothing was changed. Stop here: restore the data folder from a backup (restore DIR --data FOLDER), or move the damaged file aside to start an empty store.")
{
    public string DatabasePath { get; } = path;

    public IReadOnlyList<string> Problems { get; } = problems;
}
