using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Parsing;

namespace ReceiptGuard.Host.Evidence.Search;

/// <summary>
/// The full-text index (<c>snapshot_search</c>, FTS5 with the trigram tokenizer) over each snapshot's title, shops,
/// item titles and order ids. Written in the same transactions as the rows it describes.
/// </summary>
public static class SnapshotSearch
{
    /// <summary>Trigram matching needs three characters; shorter terms (two-character Chinese words) use LIKE.</summary>
    private const int TrigramLength = 3;

    public static async Task IndexStoredAsync(SqliteConnection connection, SqliteTransaction transaction, Guid snapshotId, string title, string? orderHint, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO snapshot_search (snapshot_id, title, shop, items, order_ids) VALUES ($id, $title, '', '', $orderIds);";
        insert.Parameters.AddWithValue("$id", snapshotId.ToString("D"));
        insert.Parameters.AddWithValue("$title", title);
        insert.Parameters.AddWithValue("$orderIds", orderHint ?? "");
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds what the parsers found (shops, item titles, every order id) to the snapshot's entry.</summary>
    public static async Task IndexParsedAsync(SqliteConnection connection, SqliteTransaction transaction, Guid snapshotId, string? orderHint, ParsedPage page, CancellationToken cancellationToken)
    {
        var orderIds = page.Orders.Select(o => o.OrderId.Value).Append(orderHint ?? "").Where(id => id.Length > 0).Distinct(StringComparer.Ordinal);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE snapshot_search SET shop = $shop, items = $items, order_ids = $orderIds WHERE snapshot_id = $id;";
        update.Parameters.AddWithValue("$id", snapshotId.ToString("D"));
        update.Parameters.AddWithValue("$shop", string.Join('\n', page.Orders.Select(o => o.Shop?.Value).OfType<string>().Distinct(StringComparer.Ordinal)));
        update.Parameters.AddWithValue("$items", string.Join('\n', page.Orders.SelectMany(o => o.Items).Select(i => i.Title?.Value).OfType<string>()));
        update.Parameters.AddWithValue("$orderIds", string.Join('\n', orderIds));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task RemoveAsync(SqliteConnection connection, SqliteTransaction transaction, Guid snapshotId, CancellationToken cancellationToken)
    {
        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM snapshot_search WHERE snapshot_id = $id;";
        delete.Parameters.AddWithValue("$id", snapshotId.ToString("D"));
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Snapshot ids matching every whitespace-separated term (in any indexed column), newest first.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> FindAsync(SqliteConnection connection, string query, int limit, CancellationToken cancellationToken)
    {
        var terms = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0)
        {
            return [];
        }

        await using var select = connection.CreateCommand();
        var conditions = new List<string>();
        var longTerms = terms.Where(t => t.Length >= TrigramLength).ToArray();
        if (longTerms.Length > 0)
        {
            // Each term a quoted phrase: the user's text is never FTS5 syntax.
            conditions.Add("snapshot_search MATCH $match");
            select.Parameters.AddWithValue("$match", string.Join(" AND ", longTerms.Select(t => $"\"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")));
        }

        var shortTerms = terms.Where(t => t.Length < TrigramLength).ToArray();
        for (var i = 0; i < shortTerms.Length; i++)
        {
            conditions.Add($"(title LIKE $like{i} ESCAPE '\\' OR shop LIKE $like{i} ESCAPE '\\' OR items LIKE $like{i} ESCAPE '\\' OR order_ids LIKE $like{i} ESCAPE '\\')");
            select.Parameters.AddWithValue($"$like{i}", "%" + EscapeLike(shortTerms[i]) + "%");
        }

        // Newest first, not by relevance: FTS5 walks its index in rowid order and stops at the limit, where ranking
        // would score every match of a common word first (a 100,000-snapshot store answered in ~90 ms, not ~10).
        select.CommandText = $"SELECT snapshot_id FROM snapshot_search WHERE {string.Join(" AND ", conditions)} ORDER BY rowid DESC LIMIT $limit;";
        select.Parameters.AddWithValue("$limit", limit);
        var ids = new List<Guid>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
