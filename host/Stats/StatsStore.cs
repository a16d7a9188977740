using System.Globalization;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Stats;

/// <summary>
/// Counts for the stats page, straight from <c>snapshots</c>: one GROUP BY over the <c>snapshots_by_month</c> index
/// (migration 7), folded here into totals, months and platforms. Deleted snapshots are gone from the table, so they
/// never count. Read-only.
/// </summary>
public sealed class StatsStore(Database database)
{
    /// <summary>
    /// The month is the first seven characters of <c>captured_at</c>: the capture time the extension reported (the
    /// browser's clock), which the host stores in UTC, so this is the UTC month. The expression matches the index;
    /// the month range lets SQLite seek in it, the exact times then trim the first and last month. Public so a test
    /// can check the query plan.
    /// </summary>
    public const string CountQuery = """
        SELECT substr(captured_at, 1, 7) AS month, site, capture, decision, COUNT(*)
        FROM snapshots
        WHERE substr(captured_at, 1, 7) BETWEEN $fromMonth AND $toMonth AND captured_at >= $from AND captured_at < $to
        GROUP BY substr(captured_at, 1, 7), site, capture, decision;
        """;

    public async Task<StatsReport> CountAsync(StatsQuery query, CancellationToken cancellationToken = default)
    {
        var from = query.From is { } f ? FormatTime(f) : "";
        var to = query.To is { } t ? FormatTime(t) : "\uffff";
        var totals = new Tally();
        var months = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var platforms = new Dictionary<string, Tally>(StringComparer.Ordinal);

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = CountQuery;
        select.Parameters.AddWithValue("$from", from);
        select.Parameters.AddWithValue("$to", to);
        select.Parameters.AddWithValue("$fromMonth", from.Length >= 7 ? from[..7] : from);
        select.Parameters.AddWithValue("$toMonth", to.Length >= 7 ? to[..7] : to);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (month, site, capture, decision, count) =
                (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4));
            totals.Add(capture, decision, count);
            Of(months, month).Add(capture, decision, count);
            Of(platforms, site).Add(capture, decision, count);
        }

        return new StatsReport(
            query.From,
            query.To,
            new StatsTotals(totals.Held, totals.Confirmed, totals.Cancelled, totals.Other, totals.Manual),
            months.Select(m => new MonthStats(m.Key, m.Value.Held, m.Value.Confirmed, m.Value.Cancelled, m.Value.Other, m.Value.Manual)).ToArray(),
            platforms
                .OrderByDescending(p => p.Value.Held).ThenByDescending(p => p.Value.Manual).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new PlatformStats(p.Key, p.Value.Held, p.Value.Confirmed, p.Value.Cancelled, p.Value.Other, p.Value.Manual))
                .ToArray());
    }

    private static Tally Of<TKey>(IDictionary<TKey, Tally> tallies, TKey key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new Tally();
            tallies[key] = tally;
        }

        return tally;
    }

    private static string FormatTime(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private sealed class Tally
    {
        public int Held { get; private set; }

        public int Confirmed { get; private set; }

        public int Cancelled { get; private set; }

        public int Other { get; private set; }

        public int Manual { get; private set; }

        public void Add(string capture, string decision, int count)
        {
            // Anything not 'manual' is a held click: SnapshotStore reads the column the same way.
            if (capture == "manual")
            {
                Manual += count;
                return;
            }

            Held += count;
            switch (decision)
            {
                case "confirmed":
                    Confirmed += count;
                    break;
                case "cancelled":
                    Cancelled += count;
                    break;
                default:
                    Other += count;
                    break;
            }
        }
    }
}
