using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Storage;

using System.Text.Json.Nodes;
using ReceiptGuard.Host.Evidence.Custody;
using ReceiptGuard.Host.Evidence.Search;

namespace ReceiptGuard.Host.Parsing.Ingest;

/// <summary>
/// Parse results: the ParsedPage JSON as an artifact, one <c>parse_results</c> row per snapshot and its <c>orders</c>
/// rows, replaced together in one transaction. Never writes to <c>snapshots</c> or to a snapshot's artifacts.
/// </summary>
public sealed class ParseResultStore(Database database, ArtifactStore artifacts, TimeProvider clock)
{
    /// <summary>Which snapshots <see cref="ListAsync"/> returns.</summary>
    public enum Selection
    {
        /// <summary>No result at all (the start-up sweep).</summary>
        Unparsed,

        /// <summary>No result, a failed one, or one from an older <see cref="PageParser.Version"/> (reparse's default).</summary>
        Outdated,
        All,
    }

    public async Task SaveAsync(Guid snapshotId, ParsedPage page, CancellationToken cancellationToken = default)
    {
        // The artifact first: a row never refers to a file that is not complete on disk.
        var bytes = Encoding.UTF8.GetBytes(ParsedPageJson.Serialize(page));
        var json = await artifacts.PutAsync(bytes, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (await OrderHintAsync(connection, transaction, snapshotId, cancellationToken) is not { } snapshot)
        {
            // Deleted while it was being parsed: nothing to attach the result to (the artifact is swept at start-up).
            return;
        }

        if (!artifacts.Exists(json.Sha256))
        {
            // A deletion removed an identical result file between the write above and the write lock.
            await artifacts.PutAsync(bytes, cancellationToken);
        }

        await UpsertAsync(connection, transaction, snapshotId, page, json.Sha256, error: null, cancellationToken);
        await SnapshotSearch.IndexParsedAsync(connection, transaction, snapshotId, snapshot.OrderHint, page, cancellationToken);
        await CustodyLog.AppendAsync(connection, transaction, clock.GetUtcNow(), CustodyKinds.Parsed, snapshotId,
            new JsonObject { ["result"] = json.Sha256, ["parser"] = page.Parser, ["parsersVersion"] = PageParser.Version }, cancellationToken);
        foreach (var order in page.Orders)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO orders (snapshot_id, order_id, shop, status, total, currency, is_subject)
                VALUES ($snapshotId, $orderId, $shop, $status, $total, $currency, $isSubject);
                """;
            insert.Parameters.AddWithValue("$snapshotId", snapshotId.ToString("D"));
            insert.Parameters.AddWithValue("$orderId", order.OrderId.Value);
            insert.Parameters.AddWithValue("$shop", (object?)order.Shop?.Value ?? DBNull.Value);
            insert.Parameters.AddWithValue("$status", ToText(order.Status));
            insert.Parameters.AddWithValue("$total", (object?)order.TotalPaid?.Value.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value);
            insert.Parameters.AddWithValue("$currency", (object?)order.Currency ?? DBNull.Value);
            insert.Parameters.AddWithValue("$isSubject", order.IsSubject ? 1 : 0);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SaveFailureAsync(Guid snapshotId, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (await OrderHintAsync(connection, transaction, snapshotId, cancellationToken) is null)
        {
            return;
        }

        await UpsertAsync(connection, transaction, snapshotId, page: null, resultSha256: null, error, cancellationToken);
        await CustodyLog.AppendAsync(connection, transaction, clock.GetUtcNow(), CustodyKinds.Parsed, snapshotId,
            new JsonObject { ["error"] = error, ["parsersVersion"] = PageParser.Version }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ParseStatus> GetStatusAsync(Guid snapshotId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT parser, parser_version, platform, page_kind, subject_order_id, order_count, parsed_at, error
            FROM parse_results WHERE snapshot_id = $id;
            """;
        select.Parameters.AddWithValue("$id", snapshotId.ToString("D"));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return ParseStatus.Pending;
        }

        string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        var error = Text(7);
        return new ParseStatus(
            error is null ? ParseState.Parsed : ParseState.Failed,
            Parser: Text(0),
            Version: reader.GetInt32(1),
            Platform: Text(2),
            Kind: Text(3) is { } kind && Enum.TryParse<PageKind>(kind, ignoreCase: true, out var parsed) ? parsed : null,
            SubjectOrderId: Text(4),
            Orders: reader.GetInt32(5),
            ParsedAt: DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Error: error);
    }

    /// <summary>The stored ParsedPage JSON's artifact, or null when the snapshot has no successful parse.</summary>
    public async Task<string?> FindResultArtifactAsync(Guid snapshotId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT result_sha256 FROM parse_results WHERE snapshot_id = $id AND error IS NULL;";
        select.Parameters.AddWithValue("$id", snapshotId.ToString("D"));
        return await select.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Snapshot ids in the order they arrived.</summary>
    public async Task<IReadOnlyList<Guid>> ListAsync(Selection selection, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        var where = selection switch
        {
            Selection.Unparsed => "WHERE p.snapshot_id IS NULL",
            Selection.Outdated => "WHERE p.snapshot_id IS NULL OR p.error IS NOT NULL OR p.parser_version < $version",
            _ => "",
        };
        select.CommandText = $"SELECT s.id FROM snapshots s LEFT JOIN parse_results p ON p.snapshot_id = s.id {where} ORDER BY s.seq;";
        select.Parameters.AddWithValue("$version", PageParser.Version);
        var ids = new List<Guid>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    private sealed record StoredSnapshot(string? OrderHint);

    /// <summary>The snapshot's order hint, read inside the write transaction; null when the snapshot is gone.</summary>
    private static async Task<StoredSnapshot?> OrderHintAsync(SqliteConnection connection, SqliteTransaction transaction, Guid snapshotId, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT order_hint FROM snapshots WHERE id = $id;";
        select.Parameters.AddWithValue("$id", snapshotId.ToString("D"));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredSnapshot(reader.IsDBNull(0) ? null : reader.GetString(0)) : null;
    }

    /// <summary>Replaces the snapshot's result row and removes its old orders (the caller inserts the new ones).</summary>
    private async Task UpsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, Guid snapshotId, ParsedPage? page, string? resultSha256, string? error, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO parse_results (snapshot_id, parser_version, parser, platform, page_kind, subject_order_id, order_count, result_sha256, parsed_at, error)
            VALUES ($id, $version, $parser, $platform, $kind, $subject, $count, $sha256, $parsedAt, $error)
            ON CONFLICT(snapshot_id) DO UPDATE SET
                parser_version = excluded.parser_version, parser = excluded.parser, platform = excluded.platform,
                page_kind = excluded.page_kind, subject_order_id = excluded.subject_order_id, order_count = excluded.order_count,
                result_sha256 = excluded.result_sha256, parsed_at = excluded.parsed_at, error = excluded.error;
            DELETE FROM orders WHERE snapshot_id = $id;
            """;
        command.Parameters.AddWithValue("$id", snapshotId.ToString("D"));
        command.Parameters.AddWithValue("$version", PageParser.Version);
        command.Parameters.AddWithValue("$parser", (object?)page?.Parser ?? DBNull.Value);
        command.Parameters.AddWithValue("$platform", (object?)page?.Platform ?? DBNull.Value);
        command.Parameters.AddWithValue("$kind", page is null ? DBNull.Value : ToText(page.Kind));
        command.Parameters.AddWithValue("$subject", (object?)page?.SubjectOrderId ?? DBNull.Value);
        command.Parameters.AddWithValue("$count", page?.Orders.Count ?? 0);
        command.Parameters.AddWithValue("$sha256", (object?)resultSha256 ?? DBNull.Value);
        command.Parameters.AddWithValue("$parsedAt", clock.GetUtcNow().ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The same camelCase names the JSON uses.</summary>
    private static string ToText<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
