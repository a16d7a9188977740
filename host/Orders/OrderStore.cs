using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Evidence.Search;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Orders;

/// <summary>
/// Orders across snapshots: every (order id, snapshot) pair the parsers found (<c>orders</c>) or the extension named
/// (<c>snapshots.order_hint</c>, so an order shows up before its page is parsed), grouped by order id. Read-only.
/// </summary>
public sealed class OrderStore(Database database, ArtifactStore artifacts)
{
    /// <summary>How many full-text hits a search looks at; more specific words narrow it.</summary>
    private const int MaxSearchHits = 5000;

    private const int ItemTitles = 3;

    /// <summary>
    /// The pairs, one row each with what that snapshot said about the order, and one row per order with the newest
    /// non-empty values. {0} narrows the pairs (the detail asks for one order id).
    /// </summary>
    private const string Aggregate = """
        WITH pairs AS (
            SELECT order_id, snapshot_id FROM orders
            UNION
            SELECT order_hint, id FROM snapshots WHERE order_hint IS NOT NULL AND order_hint <> ''
        ),
        facts AS MATERIALIZED (
            SELECT p.order_id, s.id AS snapshot_id, s.seq, s.captured_at, s.decision, s.capture, s.site,
                   o.shop, o.status, o.total, o.currency
            FROM pairs p
            JOIN snapshots s ON s.id = p.snapshot_id
            LEFT JOIN orders o ON o.rowid = (SELECT MIN(x.rowid) FROM orders x WHERE x.snapshot_id = p.snapshot_id AND x.order_id = p.order_id)
            {0}
        ),
        agg AS (
            SELECT a.order_id, COUNT(*) AS snapshots, MIN(a.captured_at) AS first_at, MAX(a.captured_at) AS last_at,
                (SELECT f.site FROM facts f WHERE f.order_id = a.order_id ORDER BY f.captured_at DESC, f.seq DESC LIMIT 1) AS platform,
                (SELECT f.shop FROM facts f WHERE f.order_id = a.order_id AND f.shop IS NOT NULL ORDER BY f.captured_at DESC, f.seq DESC LIMIT 1) AS shop,
                (SELECT f.total || char(10) || COALESCE(f.currency, '') FROM facts f WHERE f.order_id = a.order_id AND f.total IS NOT NULL ORDER BY f.captured_at DESC, f.seq DESC LIMIT 1) AS amount,
                (SELECT f.status FROM facts f WHERE f.order_id = a.order_id AND f.status IS NOT NULL ORDER BY f.captured_at DESC, f.seq DESC LIMIT 1) AS status,
                COALESCE((SELECT f.decision FROM facts f WHERE f.order_id = a.order_id AND f.capture = 'guard' ORDER BY f.captured_at DESC, f.seq DESC LIMIT 1), 'none') AS decision
            FROM facts a
            GROUP BY a.order_id
        )
        """;

    private static string WithFacts(string pairFilter) => Aggregate.Replace("{0}", pairFilter, StringComparison.Ordinal);

    private const string SummaryColumns = "order_id, platform, shop, amount, status, decision, snapshots, first_at, last_at";

    public async Task<OrderPage> ListAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        var conditions = new List<string>();
        if (query.Q is { } q)
        {
            var hits = await SnapshotSearch.FindAsync(connection, q, MaxSearchHits, cancellationToken);
            conditions.Add("""
                (agg.order_id LIKE $prefix ESCAPE '\'
                 OR EXISTS (SELECT 1 FROM facts f WHERE f.order_id = agg.order_id AND f.snapshot_id IN (SELECT value FROM json_each($hits))))
                """);
            select.Parameters.AddWithValue("$prefix", EscapeLike(q) + "%");
            select.Parameters.AddWithValue("$hits", JsonSerializer.Serialize(hits.Select(id => id.ToString("D"))));
        }

        if (query.Platform is { } platform)
        {
            conditions.Add("agg.platform = $platform");
            select.Parameters.AddWithValue("$platform", platform);
        }

        if (query.Decision is { } decision)
        {
            conditions.Add("agg.decision = $decision");
            select.Parameters.AddWithValue("$decision", decision);
        }

        if (query.Status is { } status)
        {
            conditions.Add("agg.status = $status");
            select.Parameters.AddWithValue("$status", status);
        }

        if (query.From is not null || query.To is not null)
        {
            // An order is in the range when one of its snapshots was captured in it.
            conditions.Add("EXISTS (SELECT 1 FROM facts f WHERE f.order_id = agg.order_id AND f.captured_at >= $from AND f.captured_at < $to)");
            select.Parameters.AddWithValue("$from", query.From is { } from ? FormatTime(from) : "");
            select.Parameters.AddWithValue("$to", query.To is { } to ? FormatTime(to) : "\uffff");
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        select.CommandText = WithFacts("") + $"""
            SELECT {SummaryColumns}, COUNT(*) OVER () AS total FROM agg {where}
            ORDER BY last_at DESC, order_id LIMIT $limit OFFSET $offset;
            """;
        select.Parameters.AddWithValue("$limit", query.Limit);
        select.Parameters.AddWithValue("$offset", query.Offset);

        var rows = new List<OrderSummary>();
        var total = 0;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(ReadSummary(reader, items: []));
                total = reader.GetInt32(9);
            }
        }

        if (rows.Count == 0 && query.Offset > 0)
        {
            // Past the end: the window count came with no row, so count on its own.
            select.CommandText = WithFacts("") + $"SELECT COUNT(*) FROM agg {where};";
            total = Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var withItems = new List<OrderSummary>(rows.Count);
        foreach (var row in rows)
        {
            var withTitles = await LatestParseAsync(connection, row.OrderId, order => ItemTitlesOf(order).Length > 0, cancellationToken);
            withItems.Add(row with { Items = withTitles is null ? [] : ItemTitlesOf(withTitles.Order) });
        }

        return new OrderPage(withItems, total, query.Limit, query.Offset);
    }

    public async Task<OrderDetail?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        OrderSummary? summary;
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = WithFacts("WHERE p.order_id = $orderId") + $"SELECT {SummaryColumns} FROM agg;";
            select.Parameters.AddWithValue("$orderId", orderId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            summary = await reader.ReadAsync(cancellationToken) ? ReadSummary(reader, items: []) : null;
        }

        if (summary is null)
        {
            return null;
        }

        var latest = await LatestParseAsync(connection, orderId, _ => true, cancellationToken);
        var withTitles = latest is not null && ItemTitlesOf(latest.Order).Length > 0
            ? latest
            : await LatestParseAsync(connection, orderId, order => ItemTitlesOf(order).Length > 0, cancellationToken);
        var timeline = await TimelineAsync(connection, orderId, cancellationToken);
        return new OrderDetail(summary with { Items = withTitles is null ? [] : ItemTitlesOf(withTitles.Order) }, latest, timeline);
    }

    private async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(SqliteConnection connection, string orderId, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = WithFacts("WHERE p.order_id = $orderId") + """
            SELECT f.snapshot_id, f.captured_at, f.capture, f.decision, f.status, s.screenshot_sha256, s.manifest_sha256, s.timestamp_sha256,
                   CASE WHEN f.status IS NOT NULL THEN r.result_sha256 END
            FROM facts f
            JOIN snapshots s ON s.id = f.snapshot_id
            LEFT JOIN parse_results r ON r.snapshot_id = f.snapshot_id AND r.error IS NULL
            ORDER BY f.captured_at, f.seq;
            """;
        select.Parameters.AddWithValue("$orderId", orderId);
        var rows = new List<(TimelineEntry Entry, string? ResultSha256)>();
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
                rows.Add((new TimelineEntry(
                    Guid.Parse(reader.GetString(0)), ParseTime(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                    StatusText: null, Status: Text(4), HasScreenshot: Text(5) is not null, ManifestSha256: Text(6), TimestampSha256: Text(7),
                    StatusChanged: false, PreviousStatus: null, PreviousStatusText: null), Text(8)));
            }
        }

        // The page's own status text lives in the stored result: read each result once.
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        var entries = new List<TimelineEntry>(rows.Count);
        foreach (var (entry, sha256) in rows)
        {
            string? statusText = null;
            if (sha256 is not null)
            {
                var key = sha256 + "\n" + orderId;
                if (!texts.TryGetValue(key, out statusText))
                {
                    var order = FindOrder(await ReadResultAsync(sha256, cancellationToken), orderId);
                    statusText = order?["statusText"]?["value"]?.GetValue<string>();
                    texts[key] = statusText;
                }
            }

            entries.Add(entry with { StatusText = statusText });
        }

        var marks = StatusTimeline.Mark(entries.Select(e => new StatusReading(e.Status, e.StatusText)).ToArray());
        return entries.Select((entry, i) => entry with
        {
            StatusChanged = marks[i].Changed,
            PreviousStatus = marks[i].Previous?.Status,
            PreviousStatusText = marks[i].Previous?.StatusText,
        }).ToArray();
    }

    /// <summary>The newest parse that found the order and that <paramref name="accept"/> takes (the list wants one with item titles).</summary>
    private async Task<LatestParse?> LatestParseAsync(SqliteConnection connection, string orderId, Func<JsonNode, bool> accept, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT s.id, s.captured_at, r.platform, r.parser, r.result_sha256
            FROM orders o
            JOIN snapshots s ON s.id = o.snapshot_id
            JOIN parse_results r ON r.snapshot_id = s.id AND r.error IS NULL AND r.result_sha256 IS NOT NULL
            WHERE o.order_id = $orderId
            ORDER BY s.captured_at DESC, s.seq DESC
            LIMIT 20;
            """;
        select.Parameters.AddWithValue("$orderId", orderId);
        var candidates = new List<(string Id, string CapturedAt, string? Platform, string? Parser, string Sha256)>();
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
            }
        }

        // Newest first; a result file that cannot be read (a damaged store) or is not accepted falls back to the one before.
        foreach (var candidate in candidates)
        {
            if (FindOrder(await ReadResultAsync(candidate.Sha256, cancellationToken), orderId) is { } order && accept(order))
            {
                return new LatestParse(Guid.Parse(candidate.Id), ParseTime(candidate.CapturedAt), candidate.Platform, candidate.Parser, order);
            }
        }

        return null;
    }

    private async Task<JsonNode?> ReadResultAsync(string sha256, CancellationToken cancellationToken)
    {
        var bytes = await artifacts.ReadAllBytesAsync(sha256, cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode? FindOrder(JsonNode? page, string orderId) =>
        page?["orders"] is JsonArray orders
            ? orders.FirstOrDefault(o => o?["orderId"]?["value"] is JsonValue id && id.TryGetValue<string>(out var value) && value == orderId)?.DeepClone()
            : null;

    private static string[] ItemTitlesOf(JsonNode order) =>
        order["items"] is JsonArray items
            ? items.Select(i => i?["title"]?["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().Take(ItemTitles).ToArray()
            : [];

    private static OrderSummary ReadSummary(SqliteDataReader reader, IReadOnlyList<string> items)
    {
        string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        var amount = Text(3)?.Split('\n', 2);
        return new OrderSummary(
            reader.GetString(0), Text(1) ?? "", Text(2), items,
            Total: amount?[0], Currency: amount is [_, { Length: > 0 } currency] ? currency : null,
            Status: Text(4), LastDecision: reader.GetString(5), SnapshotCount: reader.GetInt32(6),
            FirstCapturedAt: ParseTime(reader.GetString(7)), LastCapturedAt: ParseTime(reader.GetString(8)));
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string FormatTime(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
