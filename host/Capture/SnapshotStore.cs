using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Capture;

public enum IngestOutcome
{
    /// <summary>First time this id was seen: stored.</summary>
    Created,

    /// <summary>The same snapshot again (a retry): nothing new stored.</summary>
    Duplicate,

    /// <summary>The id is taken by a snapshot with different content.</summary>
    Conflict,
}

public sealed record IngestResult(IngestOutcome Outcome, SnapshotSummary Snapshot);

/// <summary>Stores snapshots: the page into the artifact store first, then the row that refers to it.</summary>
public sealed class SnapshotStore(Database database, ArtifactStore artifacts, TimeProvider clock)
{
    private const string Columns = "id, url, title, site, decision, button_text, captured_at, received_at, html_sha256, html_bytes, fingerprint, order_hint, capture";

    public async Task<IngestResult> IngestAsync(SnapshotPayload payload, CancellationToken cancellationToken = default)
    {
        var html = Encoding.UTF8.GetBytes(payload.Html);
        var htmlSha256 = Convert.ToHexStringLower(SHA256.HashData(html));
        var fingerprint = Fingerprint(payload, htmlSha256);

        await using var connection = await database.OpenAsync(cancellationToken);
        var existing = await FindAsync(connection, payload.Id, cancellationToken);
        if (existing is not null)
        {
            return Repeat(existing.Value);
        }

        var artifact = await artifacts.PutAsync(html, cancellationToken);
        var receivedAt = clock.GetUtcNow();

        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO snapshots ({Columns})
            VALUES ($id, $url, $title, $site, $decision, $buttonText, $capturedAt, $receivedAt, $htmlSha256, $htmlBytes, $fingerprint, $orderHint, $capture)
            ON CONFLICT(id) DO NOTHING;
            """;
        insert.Parameters.AddWithValue("$id", payload.Id.ToString("D"));
        insert.Parameters.AddWithValue("$url", payload.Url.OriginalString);
        insert.Parameters.AddWithValue("$title", payload.Title);
        insert.Parameters.AddWithValue("$site", payload.Site);
        insert.Parameters.AddWithValue("$decision", ToText(payload.Decision));
        insert.Parameters.AddWithValue("$buttonText", payload.ButtonText);
        insert.Parameters.AddWithValue("$capturedAt", FormatTime(payload.CapturedAt));
        insert.Parameters.AddWithValue("$receivedAt", FormatTime(receivedAt));
        insert.Parameters.AddWithValue("$htmlSha256", artifact.Sha256);
        insert.Parameters.AddWithValue("$htmlBytes", artifact.Bytes);
        insert.Parameters.AddWithValue("$fingerprint", fingerprint);
        insert.Parameters.AddWithValue("$orderHint", (object?)payload.OrderHint ?? DBNull.Value);
        insert.Parameters.AddWithValue("$capture", payload.Capture == CaptureKind.Manual ? "manual" : "guard");
        var inserted = await insert.ExecuteNonQueryAsync(cancellationToken);

        var stored = await FindAsync(connection, payload.Id, cancellationToken)
            ?? throw new InvalidOperationException($"snapshot {payload.Id} vanished right after it was stored");
        return inserted == 1 ? new IngestResult(IngestOutcome.Created, stored.Summary) : Repeat(stored);

        IngestResult Repeat((SnapshotSummary Summary, string Fingerprint) row) =>
            new(row.Fingerprint == fingerprint ? IngestOutcome.Duplicate : IngestOutcome.Conflict, row.Summary);
    }

    public async Task<SnapshotSummary?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await FindAsync(connection, id, cancellationToken))?.Summary;
    }

    /// <summary>Newest first: by arrival order, so paging stays stable while snapshots keep arriving.</summary>
    public async Task<SnapshotPage> ListAsync(int limit, int offset, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM snapshots;";
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM snapshots ORDER BY seq DESC LIMIT $limit OFFSET $offset;";
        select.Parameters.AddWithValue("$limit", limit);
        select.Parameters.AddWithValue("$offset", offset);
        var items = new List<SnapshotSummary>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader).Summary);
        }

        return new SnapshotPage(items, total, limit, offset);
    }

    private static async Task<(SnapshotSummary Summary, string Fingerprint)?> FindAsync(SqliteConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM snapshots WHERE id = $id;";
        select.Parameters.AddWithValue("$id", id.ToString("D"));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static (SnapshotSummary Summary, string Fingerprint) Read(SqliteDataReader reader) =>
    (
        new SnapshotSummary(
            Id: Guid.Parse(reader.GetString(0)),
            Url: reader.GetString(1),
            Title: reader.GetString(2),
            Site: reader.GetString(3),
            Decision: ParseDecision(reader.GetString(4)),
            Capture: reader.GetString(12) == "manual" ? CaptureKind.Manual : CaptureKind.Guard,
            ButtonText: reader.GetString(5),
            OrderHint: reader.IsDBNull(11) ? null : reader.GetString(11),
            CapturedAt: ParseTime(reader.GetString(6)),
            ReceivedAt: ParseTime(reader.GetString(7)),
            HtmlSha256: reader.GetString(8),
            HtmlBytes: reader.GetInt64(9)),
        reader.GetString(10)
    );

    /// <summary>What makes two deliveries "the same snapshot": every field the extension sent.</summary>
    private static string Fingerprint(SnapshotPayload payload, string htmlSha256)
    {
        var canonical = string.Join('\0',
            payload.Id.ToString("D"), payload.Url.OriginalString, payload.Title, FormatTime(payload.CapturedAt),
            ToText(payload.Decision), payload.Site, payload.ButtonText, payload.OrderHint ?? "", payload.Capture.ToString(), htmlSha256);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string ToText(Decision decision) => decision switch
    {
        Decision.Confirmed => "confirmed",
        Decision.Cancelled => "cancelled",
        _ => "none",
    };

    private static Decision ParseDecision(string text) => text switch
    {
        "confirmed" => Decision.Confirmed,
        "cancelled" => Decision.Cancelled,
        _ => Decision.None,
    };

    private static string FormatTime(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
