using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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

/// <summary>
/// Stores snapshots: the page, its embedded data and its screenshot into the artifact store first, then the one row
/// that refers to them (a single INSERT: one transaction per snapshot).
/// </summary>
public sealed class SnapshotStore(Database database, ArtifactStore artifacts, TimeProvider clock)
{
    private const string Columns =
        "id, url, title, site, decision, button_text, captured_at, received_at, html_sha256, html_bytes, fingerprint, order_hint, capture, " +
        "embedded_sha256, embedded_bytes, screenshot_sha256, screenshot_type, screenshot_bytes, screenshot_error, context";

    /// <summary>Readable and compact: the stored embedded data is evidence a person may open.</summary>
    private static readonly JsonSerializerOptions EmbeddedJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IngestResult> IngestAsync(SnapshotPayload payload, CancellationToken cancellationToken = default)
    {
        var html = Encoding.UTF8.GetBytes(payload.Html);
        var embedded = payload.EmbeddedData.Count > 0 ? JsonSerializer.SerializeToUtf8Bytes(payload.EmbeddedData, EmbeddedJson) : null;
        var fingerprint = Fingerprint(payload, Sha256Of(html), embedded is null ? null : Sha256Of(embedded), payload.Screenshot is null ? null : Sha256Of(payload.Screenshot.Bytes.Span));

        await using var connection = await database.OpenAsync(cancellationToken);
        var existing = await FindAsync(connection, payload.Id, cancellationToken);
        if (existing is not null)
        {
            return Repeat(existing);
        }

        // Files first: a row never refers to an artifact that is not complete on disk.
        var htmlArtifact = await artifacts.PutAsync(html, cancellationToken);
        var embeddedArtifact = embedded is null ? null : await artifacts.PutAsync(embedded, cancellationToken);
        var screenshotArtifact = payload.Screenshot is null ? null : await artifacts.PutAsync(payload.Screenshot.Bytes, cancellationToken);
        var receivedAt = clock.GetUtcNow();

        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO snapshots ({Columns})
            VALUES ($id, $url, $title, $site, $decision, $buttonText, $capturedAt, $receivedAt, $htmlSha256, $htmlBytes, $fingerprint, $orderHint, $capture,
                    $embeddedSha256, $embeddedBytes, $screenshotSha256, $screenshotType, $screenshotBytes, $screenshotError, $context)
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
        insert.Parameters.AddWithValue("$htmlSha256", htmlArtifact.Sha256);
        insert.Parameters.AddWithValue("$htmlBytes", htmlArtifact.Bytes);
        insert.Parameters.AddWithValue("$fingerprint", fingerprint);
        insert.Parameters.AddWithValue("$orderHint", (object?)payload.OrderHint ?? DBNull.Value);
        insert.Parameters.AddWithValue("$capture", payload.Capture == CaptureKind.Manual ? "manual" : "guard");
        insert.Parameters.AddWithValue("$embeddedSha256", (object?)embeddedArtifact?.Sha256 ?? DBNull.Value);
        insert.Parameters.AddWithValue("$embeddedBytes", (object?)embeddedArtifact?.Bytes ?? DBNull.Value);
        insert.Parameters.AddWithValue("$screenshotSha256", (object?)screenshotArtifact?.Sha256 ?? DBNull.Value);
        insert.Parameters.AddWithValue("$screenshotType", (object?)payload.Screenshot?.MediaType ?? DBNull.Value);
        insert.Parameters.AddWithValue("$screenshotBytes", (object?)screenshotArtifact?.Bytes ?? DBNull.Value);
        insert.Parameters.AddWithValue("$screenshotError", (object?)payload.ScreenshotError ?? DBNull.Value);
        insert.Parameters.AddWithValue("$context", (object?)payload.ContextJson ?? DBNull.Value);
        var inserted = await insert.ExecuteNonQueryAsync(cancellationToken);

        var stored = await FindAsync(connection, payload.Id, cancellationToken)
            ?? throw new InvalidOperationException($"snapshot {payload.Id} vanished right after it was stored");
        return inserted == 1 ? new IngestResult(IngestOutcome.Created, stored.Summary) : Repeat(stored);

        IngestResult Repeat(StoredRow row) =>
            new(row.Fingerprint == fingerprint ? IngestOutcome.Duplicate : IngestOutcome.Conflict, row.Summary);
    }

    public async Task<SnapshotSummary?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await GetStoredAsync(id, cancellationToken))?.Summary;

    /// <summary>The snapshot with what it takes to serve its screenshot (null: no such snapshot).</summary>
    public async Task<(SnapshotSummary Summary, StoredScreenshot? Screenshot)?> GetWithScreenshotAsync(Guid id, CancellationToken cancellationToken = default) =>
        await GetStoredAsync(id, cancellationToken) is { } row ? (row.Summary, row.Screenshot) : null;

    private async Task<StoredRow?> GetStoredAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, id, cancellationToken);
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

    private static async Task<StoredRow?> FindAsync(SqliteConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM snapshots WHERE id = $id;";
        select.Parameters.AddWithValue("$id", id.ToString("D"));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private sealed record StoredRow(SnapshotSummary Summary, string Fingerprint, StoredScreenshot? Screenshot);

    private static StoredRow Read(SqliteDataReader reader)
    {
        string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        var screenshotSha256 = Text(15);
        var embeddedSha256 = Text(13);
        var context = Text(19);
        var summary = new SnapshotSummary(
            Id: Guid.Parse(reader.GetString(0)),
            Url: reader.GetString(1),
            Title: reader.GetString(2),
            Site: reader.GetString(3),
            Decision: ParseDecision(reader.GetString(4)),
            Capture: reader.GetString(12) == "manual" ? CaptureKind.Manual : CaptureKind.Guard,
            ButtonText: reader.GetString(5),
            OrderHint: Text(11),
            CapturedAt: ParseTime(reader.GetString(6)),
            ReceivedAt: ParseTime(reader.GetString(7)),
            HtmlSha256: reader.GetString(8),
            HtmlBytes: reader.GetInt64(9),
            HasScreenshot: screenshotSha256 is not null,
            ScreenshotSha256: screenshotSha256,
            ScreenshotError: Text(18),
            HasEmbeddedData: embeddedSha256 is not null,
            EmbeddedDataSha256: embeddedSha256,
            Context: context is null ? null : JsonSerializer.Deserialize<JsonElement>(context));
        var screenshot = screenshotSha256 is null ? null : new StoredScreenshot(screenshotSha256, reader.GetString(16));
        return new StoredRow(summary, reader.GetString(10), screenshot);
    }

    /// <summary>
    /// What makes two deliveries "the same snapshot": every field the extension sent, the page and the evidence
    /// files by their SHA-256. A payload without the evidence fields hashes exactly as before they existed, so a
    /// retry of a snapshot stored by an older host is still recognised as the same.
    /// </summary>
    private static string Fingerprint(SnapshotPayload payload, string htmlSha256, string? embeddedSha256, string? screenshotSha256)
    {
        List<string> parts =
        [
            payload.Id.ToString("D"), payload.Url.OriginalString, payload.Title, FormatTime(payload.CapturedAt),
            ToText(payload.Decision), payload.Site, payload.ButtonText, payload.OrderHint ?? "", payload.Capture.ToString(), htmlSha256,
        ];
        if (payload.HasEvidenceFields)
        {
            // "-" for absent, "+value" for present, so null and "" differ.
            static string Optional(string? value) => value is null ? "-" : "+" + value;
            parts.AddRange([
                "evidence", Optional(embeddedSha256), Optional(payload.Screenshot?.MediaType), Optional(screenshotSha256),
                Optional(payload.ScreenshotError), Optional(payload.ContextJson)]);
        }

        return Sha256Of(Encoding.UTF8.GetBytes(string.Join('\0', parts)));
    }

    private static string Sha256Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

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
