using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace ReceiptGuard.Host.Evidence.Custody;

/// <summary>
/// The append-only custody log in <c>custody_log</c>. Entries are appended inside the caller's write transaction, next
/// to the change they record, so an event is logged exactly when its change commits. SQLite lets one writer in at a
/// time (the transaction is IMMEDIATE), so reading the last hash and appending after it cannot interleave.
/// </summary>
public static class CustodyLog
{
    private static readonly JsonSerializerOptions DetailJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<CustodyEntry> AppendAsync(
        SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset at, string kind, Guid? snapshotId, JsonObject detail,
        CancellationToken cancellationToken = default)
    {
        await using var last = connection.CreateCommand();
        last.Transaction = transaction;
        last.CommandText = "SELECT seq, hash FROM custody_log ORDER BY seq DESC LIMIT 1;";
        long seq = 1;
        var previous = CustodyEntry.Genesis;
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                seq = reader.GetInt64(0) + 1;
                previous = reader.GetString(1);
            }
        }

        var entry = CustodyEntry.Create(seq, FormatTime(at), kind, snapshotId?.ToString("D"), detail.ToJsonString(DetailJson), previous);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO custody_log (seq, at, kind, snapshot_id, detail, previous_hash, hash)
            VALUES ($seq, $at, $kind, $snapshotId, $detail, $previousHash, $hash);
            """;
        insert.Parameters.AddWithValue("$seq", entry.Seq);
        insert.Parameters.AddWithValue("$at", entry.At);
        insert.Parameters.AddWithValue("$kind", entry.Kind);
        insert.Parameters.AddWithValue("$snapshotId", (object?)entry.SnapshotId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$detail", entry.Detail);
        insert.Parameters.AddWithValue("$previousHash", entry.PreviousHash);
        insert.Parameters.AddWithValue("$hash", entry.Hash);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return entry;
    }

    /// <summary>The whole log in order, or only the entries about <paramref name="snapshotIds"/> (read through the snapshot index).</summary>
    public static async Task<IReadOnlyList<CustodyEntry>> ReadAsync(SqliteConnection connection, IReadOnlyCollection<Guid>? snapshotIds = null, CancellationToken cancellationToken = default)
    {
        await using var select = connection.CreateCommand();
        if (snapshotIds is null)
        {
            select.CommandText = "SELECT seq, at, kind, snapshot_id, detail, previous_hash, hash FROM custody_log ORDER BY seq;";
        }
        else
        {
            var names = new List<string>();
            foreach (var id in snapshotIds.Distinct())
            {
                var name = "$id" + names.Count.ToString(CultureInfo.InvariantCulture);
                select.Parameters.AddWithValue(name, id.ToString("D"));
                names.Add(name);
            }

            if (names.Count == 0)
            {
                return [];
            }

            select.CommandText = $"SELECT seq, at, kind, snapshot_id, detail, previous_hash, hash FROM custody_log WHERE snapshot_id IN ({string.Join(", ", names)}) ORDER BY seq;";
        }

        var entries = new List<CustodyEntry>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var snapshotId = reader.IsDBNull(3) ? null : reader.GetString(3);
            entries.Add(new CustodyEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), snapshotId, reader.GetString(4), reader.GetString(5), reader.GetString(6)));
        }

        return entries;
    }

    /// <summary>The hashes of the entries numbered <paramref name="seqs"/> that exist: what a later entry must link to.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> ReadHashesAsync(SqliteConnection connection, IEnumerable<long> seqs, CancellationToken cancellationToken = default)
    {
        var hashes = new Dictionary<long, string>();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT hash FROM custody_log WHERE seq = $seq;";
        var seq = select.Parameters.Add("$seq", SqliteType.Integer);
        foreach (var wanted in seqs.Distinct())
        {
            seq.Value = wanted;
            if (await select.ExecuteScalarAsync(cancellationToken) is string hash)
            {
                hashes[wanted] = hash;
            }
        }

        return hashes;
    }

    public static string FormatTime(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
