using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReceiptGuard.Host.Evidence;
using ReceiptGuard.Host.Evidence.Custody;
using ReceiptGuard.Host.Evidence.Manifests;
using ReceiptGuard.Host.Evidence.Search;
using ReceiptGuard.Host.Evidence.Signing;
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
/// Stores snapshots: the page, its embedded data, its screenshot and its signed manifest into the artifact store first,
/// then, in one transaction, the row that refers to them, its search entry and the custody-log entry that records it.
/// </summary>
public sealed class SnapshotStore(Database database, ArtifactStore artifacts, SigningKey signingKey, TimeProvider clock)
{
    private const string Columns =
        "id, url, title, site, decision, button_text, captured_at, received_at, html_sha256, html_bytes, fingerprint, order_hint, capture, " +
        "embedded_sha256, embedded_bytes, screenshot_sha256, screenshot_type, screenshot_bytes, screenshot_error, context, " +
        "manifest_sha256, manifest_signature, timestamp_sha256";

    /// <summary>Readable and compact: the stored embedded data is evidence a person may open.</summary>
    private static readonly JsonSerializerOptions EmbeddedJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="importedFrom">The file a snapshot was imported from (the <c>import</c> command), for the custody log.</param>
    public async Task<IngestResult> IngestAsync(SnapshotPayload payload, string? importedFrom = null, CancellationToken cancellationToken = default)
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
        var manifest = ManifestOf(payload, receivedAt, htmlArtifact, embeddedArtifact, screenshotArtifact);
        var manifestBytes = manifest.ToUtf8();
        var manifestArtifact = await artifacts.PutAsync(manifestBytes, cancellationToken);
        var signature = Convert.ToBase64String(signingKey.Sign(manifestBytes));

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // Holding the write lock now: a deletion that removed a shared file meanwhile has committed; write it again.
        await EnsureStoredAsync(htmlArtifact, html, cancellationToken);
        await EnsureStoredAsync(embeddedArtifact, embedded, cancellationToken);
        await EnsureStoredAsync(screenshotArtifact, payload.Screenshot?.Bytes, cancellationToken);
        await EnsureStoredAsync(manifestArtifact, manifestBytes, cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO snapshots ({Columns})
            VALUES ($id, $url, $title, $site, $decision, $buttonText, $capturedAt, $receivedAt, $htmlSha256, $htmlBytes, $fingerprint, $orderHint, $capture,
                    $embeddedSha256, $embeddedBytes, $screenshotSha256, $screenshotType, $screenshotBytes, $screenshotError, $context,
                    $manifestSha256, $manifestSignature, NULL)
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
        insert.Parameters.AddWithValue("$manifestSha256", manifestArtifact.Sha256);
        insert.Parameters.AddWithValue("$manifestSignature", signature);
        var inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
        if (inserted == 1)
        {
            await SnapshotSearch.IndexStoredAsync(connection, transaction, payload.Id, payload.Title, payload.OrderHint, cancellationToken);
            var detail = new JsonObject { ["manifest"] = manifestArtifact.Sha256, ["signingKey"] = signingKey.Fingerprint };
            if (importedFrom is not null)
            {
                detail["importedFrom"] = importedFrom;
            }

            await CustodyLog.AppendAsync(connection, transaction, receivedAt, CustodyKinds.Stored, payload.Id, detail, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        var stored = await FindAsync(connection, payload.Id, cancellationToken)
            ?? throw new InvalidOperationException($"snapshot {payload.Id} vanished right after it was stored");
        return inserted == 1 ? new IngestResult(IngestOutcome.Created, stored.Summary) : Repeat(stored);

        IngestResult Repeat(StoredRow row) =>
            new(row.Fingerprint == fingerprint ? IngestOutcome.Duplicate : IngestOutcome.Conflict, row.Summary);
    }

    private async Task EnsureStoredAsync(ArtifactRef? artifact, ReadOnlyMemory<byte>? content, CancellationToken cancellationToken)
    {
        if (artifact is not null && content is { } bytes && !artifacts.Exists(artifact.Sha256))
        {
            await artifacts.PutAsync(bytes, cancellationToken);
        }
    }

    private SnapshotManifest ManifestOf(SnapshotPayload payload, DateTimeOffset receivedAt, ArtifactRef html, ArtifactRef? embedded, ArtifactRef? screenshot)
    {
        var files = new List<ManifestFile> { new(SnapshotManifest.PageFile, "page", "text/html; charset=utf-8", html.Sha256, html.Bytes) };
        if (embedded is not null)
        {
            files.Add(new ManifestFile(SnapshotManifest.EmbeddedFile, "embedded-data", "application/json", embedded.Sha256, embedded.Bytes));
        }

        if (screenshot is not null && payload.Screenshot is { } picture)
        {
            files.Add(new ManifestFile(SnapshotManifest.ScreenshotFile(picture.MediaType), "screenshot", picture.MediaType, screenshot.Sha256, screenshot.Bytes));
        }

        return new SnapshotManifest(
            SnapshotManifest.CurrentFormat, payload.Id, payload.Capture == CaptureKind.Manual ? "manual" : "guard", ToText(payload.Decision),
            payload.Url.OriginalString, payload.Title, payload.Site, payload.ButtonText, payload.OrderHint,
            FormatTime(payload.CapturedAt), FormatTime(receivedAt),
            payload.ContextJson is null ? null : JsonSerializer.Deserialize<JsonElement>(payload.ContextJson),
            payload.ScreenshotError, files, new ManifestHost(HostInfo.Name, HostInfo.Version, signingKey.Fingerprint));
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

    /// <summary>The snapshots with these ids, in the order given (ids not found are left out).</summary>
    public async Task<IReadOnlyList<SnapshotSummary>> GetManyAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        var names = ids.Select((id, i) => { select.Parameters.AddWithValue($"$id{i}", id.ToString("D")); return $"$id{i}"; });
        select.CommandText = $"SELECT {Columns} FROM snapshots WHERE id IN ({string.Join(", ", names)});";
        var found = new Dictionary<Guid, SnapshotSummary>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var summary = Read(reader).Summary;
            found[summary.Id] = summary;
        }

        return ids.Where(found.ContainsKey).Select(id => found[id]).ToArray();
    }

    /// <summary>
    /// Gives snapshots stored before manifests existed (schema 5 and older) their signed manifest, a search entry and
    /// a custody entry marked as a backfill: the manifest then says what the host holds now, not what it received.
    /// </summary>
    public async Task<int> BackfillManifestsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = new List<StoredRow>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = $"SELECT {Columns} FROM snapshots WHERE manifest_sha256 IS NULL ORDER BY seq;";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(Read(reader));
            }
        }

        foreach (var row in rows)
        {
            var summary = row.Summary;
            var files = new List<ManifestFile> { new(SnapshotManifest.PageFile, "page", "text/html; charset=utf-8", summary.HtmlSha256, summary.HtmlBytes) };
            if (summary.EmbeddedDataSha256 is { } embedded)
            {
                files.Add(new ManifestFile(SnapshotManifest.EmbeddedFile, "embedded-data", "application/json", embedded, row.EmbeddedBytes ?? 0));
            }

            if (row.Screenshot is { } picture)
            {
                files.Add(new ManifestFile(SnapshotManifest.ScreenshotFile(picture.MediaType), "screenshot", picture.MediaType, picture.Sha256, row.ScreenshotBytes ?? 0));
            }

            var manifest = new SnapshotManifest(
                SnapshotManifest.CurrentFormat, summary.Id, summary.Capture == CaptureKind.Manual ? "manual" : "guard", ToText(summary.Decision),
                summary.Url, summary.Title, summary.Site, summary.ButtonText, summary.OrderHint, FormatTime(summary.CapturedAt), FormatTime(summary.ReceivedAt),
                summary.Context, summary.ScreenshotError, files, new ManifestHost(HostInfo.Name, HostInfo.Version, signingKey.Fingerprint));
            var bytes = manifest.ToUtf8();
            var artifact = await artifacts.PutAsync(bytes, cancellationToken);

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE snapshots SET manifest_sha256 = $sha256, manifest_signature = $signature WHERE id = $id AND manifest_sha256 IS NULL;";
            update.Parameters.AddWithValue("$sha256", artifact.Sha256);
            update.Parameters.AddWithValue("$signature", Convert.ToBase64String(signingKey.Sign(bytes)));
            update.Parameters.AddWithValue("$id", summary.Id.ToString("D"));
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                await SnapshotSearch.IndexStoredAsync(connection, transaction, summary.Id, summary.Title, summary.OrderHint, cancellationToken);
                await CustodyLog.AppendAsync(connection, transaction, clock.GetUtcNow(), CustodyKinds.Stored, summary.Id,
                    new JsonObject { ["manifest"] = artifact.Sha256, ["signingKey"] = signingKey.Fingerprint, ["backfilled"] = true }, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return rows.Count;
    }

    private static async Task<StoredRow?> FindAsync(SqliteConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM snapshots WHERE id = $id;";
        select.Parameters.AddWithValue("$id", id.ToString("D"));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private sealed record StoredRow(SnapshotSummary Summary, string Fingerprint, StoredScreenshot? Screenshot, long? EmbeddedBytes, long? ScreenshotBytes);

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
            Context: context is null ? null : JsonSerializer.Deserialize<JsonElement>(context))
        {
            ManifestSha256 = Text(20),
            ManifestSignature = Text(21),
            TimestampSha256 = Text(22),
        };
        var screenshot = screenshotSha256 is null ? null : new StoredScreenshot(screenshotSha256, reader.GetString(16));
        return new StoredRow(summary, reader.GetString(10), screenshot, reader.IsDBNull(14) ? null : reader.GetInt64(14), reader.IsDBNull(17) ? null : reader.GetInt64(17));
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
