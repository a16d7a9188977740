using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Evidence.Custody;
using ReceiptGuard.Host.Evidence.Retention;
using ReceiptGuard.Host.Evidence.Search;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Evidence;

/// <summary>A note a user wrote on a snapshot; notes are evidence too, so adding one is logged.</summary>
public sealed record SnapshotNote(long Id, Guid SnapshotId, string Text, DateTimeOffset CreatedAt);

/// <summary>Deletion, notes, search and the custody log of stored snapshots: everything past ingest and parsing.</summary>
public sealed class EvidenceStore(Database database, ArtifactStore artifacts, TimeProvider clock)
{
    public const int MaxNoteLength = 10_000;

    /// <summary>
    /// Deletes a snapshot: its rows, its search entry, and its artifacts unless another snapshot shares them; the log
    /// records the deletion. Files go inside the write transaction, so an ingest that shares one (it re-checks its files
    /// once it holds the write lock) either sees it gone and writes it again, or is committed first and keeps it.
    /// </summary>
    /// <returns>false when there is no such snapshot.</returns>
    public Task<bool> DeleteAsync(Guid snapshotId, CancellationToken cancellationToken = default) => DeleteAsync(snapshotId, null, cancellationToken);

    /// <summary>
    /// Deletes a snapshot for the retention rule, the same way as <see cref="DeleteAsync(Guid, CancellationToken)"/>,
    /// and only if the rule still applies once the write lock is held: received before the cutoff and without a note
    /// (a note added since the sweep looked keeps it). The custody entry names the rule.
    /// </summary>
    /// <returns>false when there is no such snapshot or the rule no longer applies to it.</returns>
    public Task<bool> DeleteExpiredAsync(Guid snapshotId, RetentionDeletion rule, CancellationToken cancellationToken = default) =>
        DeleteAsync(snapshotId, rule, cancellationToken);

    private async Task<bool> DeleteAsync(Guid snapshotId, RetentionDeletion? rule, CancellationToken cancellationToken)
    {
        var id = snapshotId.ToString("D");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var owned = new List<string>();
        string? manifest = null;
        var condition = rule is null ? "" : $" AND {RetentionRule.ExpiredSql}";
        await using (var select = Command(connection, transaction, $"""
            SELECT html_sha256, embedded_sha256, screenshot_sha256, manifest_sha256, timestamp_sha256,
                   (SELECT result_sha256 FROM parse_results WHERE snapshot_id = $id)
            FROM snapshots WHERE id = $id{condition};
            """, ("$id", id), ("$cutoff", rule is null ? "" : CustodyLog.FormatTime(rule.Cutoff))))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return false;
            }

            for (var column = 0; column < 6; column++)
            {
                if (!reader.IsDBNull(column))
                {
                    owned.Add(reader.GetString(column));
                }
            }

            manifest = reader.IsDBNull(3) ? null : reader.GetString(3);
        }

        await using (var delete = Command(connection, transaction, """
            DELETE FROM orders WHERE snapshot_id = $id;
            DELETE FROM parse_results WHERE snapshot_id = $id;
            DELETE FROM notes WHERE snapshot_id = $id;
            DELETE FROM snapshots WHERE id = $id;
            """, ("$id", id)))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await SnapshotSearch.RemoveAsync(connection, transaction, snapshotId, cancellationToken);
        var detail = new JsonObject { ["manifest"] = manifest };
        if (rule is not null)
        {
            detail["reason"] = RetentionDeletion.Reason;
            detail["retentionDays"] = rule.Days;
            detail["receivedBefore"] = CustodyLog.FormatTime(rule.Cutoff);
        }

        await CustodyLog.AppendAsync(connection, transaction, clock.GetUtcNow(), CustodyKinds.Deleted, snapshotId, detail, cancellationToken);

        foreach (var sha256 in owned.Distinct(StringComparer.Ordinal))
        {
            if (!await IsReferencedAsync(connection, transaction, sha256, cancellationToken))
            {
                artifacts.Delete(sha256);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <exception cref="ArgumentException">the text is empty or longer than <see cref="MaxNoteLength"/>.</exception>
    /// <returns>null when there is no such snapshot.</returns>
    public async Task<SnapshotNote?> AddNoteAsync(Guid snapshotId, string text, CancellationToken cancellationToken = default)
    {
        text = text.Trim();
        if (text.Length is 0 or > MaxNoteLength)
        {
            throw new ArgumentException($"a note must have 1 to {MaxNoteLength} characters", nameof(text));
        }

        var id = snapshotId.ToString("D");
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = Command(connection, transaction, """
            INSERT INTO notes (snapshot_id, text, created_at) SELECT $id, $text, $at WHERE EXISTS (SELECT 1 FROM snapshots WHERE id = $id)
            RETURNING id;
            """, ("$id", id), ("$text", text), ("$at", CustodyLog.FormatTime(now)));
        if (await insert.ExecuteScalarAsync(cancellationToken) is not long noteId)
        {
            return null;
        }

        await CustodyLog.AppendAsync(connection, transaction, now, CustodyKinds.NoteAdded, snapshotId, new JsonObject
        {
            ["note"] = noteId,
            ["textSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SnapshotNote(noteId, snapshotId, text, now);
    }

    public async Task<IReadOnlyList<SnapshotNote>> NotesAsync(Guid snapshotId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = Command(connection, null, "SELECT id, text, created_at FROM notes WHERE snapshot_id = $id ORDER BY id;", ("$id", snapshotId.ToString("D")));
        var notes = new List<SnapshotNote>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            notes.Add(new SnapshotNote(reader.GetInt64(0), snapshotId, reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)));
        }

        return notes;
    }

    public async Task<IReadOnlyList<Guid>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await SnapshotSearch.FindAsync(connection, query, limit, cancellationToken);
    }

    /// <summary>The custody entries about these snapshots (all of them when null), in log order.</summary>
    public async Task<IReadOnlyList<CustodyEntry>> CustodyAsync(IReadOnlyCollection<Guid>? snapshotIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await CustodyLog.ReadAsync(connection, snapshotIds, cancellationToken);
    }

    /// <summary>Records that these snapshots left the store in a bundle (what, where to, its SHA-256).</summary>
    public async Task LogExportAsync(IReadOnlyCollection<Guid> snapshotIds, string format, string bundleSha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await CustodyLog.AppendAsync(connection, transaction, clock.GetUtcNow(), CustodyKinds.Exported, null, new JsonObject
        {
            ["format"] = format,
            ["bundleSha256"] = bundleSha256,
            ["snapshots"] = new JsonArray(snapshotIds.Select(id => (JsonNode?)id.ToString("D")).ToArray()),
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Whether any row still refers to the artifact (inside the caller's transaction).</summary>
    public static async Task<bool> IsReferencedAsync(SqliteConnection connection, SqliteTransaction? transaction, string sha256, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, """
            SELECT EXISTS (SELECT 1 FROM snapshots WHERE html_sha256 = $s OR embedded_sha256 = $s OR screenshot_sha256 = $s OR manifest_sha256 = $s OR timestamp_sha256 = $s)
                OR EXISTS (SELECT 1 FROM parse_results WHERE result_sha256 = $s);
            """, ("$s", sha256));
        return Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Every artifact some row refers to.</summary>
    public static async Task<HashSet<string>> ReferencedArtifactsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, null, """
            SELECT html_sha256 FROM snapshots UNION SELECT embedded_sha256 FROM snapshots UNION SELECT screenshot_sha256 FROM snapshots
            UNION SELECT manifest_sha256 FROM snapshots UNION SELECT timestamp_sha256 FROM snapshots UNION SELECT result_sha256 FROM parse_results;
            """);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(0))
            {
                referenced.Add(reader.GetString(0));
            }
        }

        return referenced;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
