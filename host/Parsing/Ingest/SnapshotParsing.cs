using System.Text.Json;
using ReceiptGuard.Host.Capture;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Parsing.Ingest;

/// <summary>What parsing one stored snapshot came to.</summary>
public sealed record SnapshotParseOutcome(Guid SnapshotId, ParsedPage? Page, string? Error);

/// <summary>
/// Parses one stored snapshot: its page and embedded data are read from the artifact store (read only), parsed, and
/// the result stored. Used by the background worker and by <c>reparse</c>.
/// </summary>
public sealed class SnapshotParsing(SnapshotStore snapshots, ArtifactStore artifacts, ParseResultStore results)
{
    private static readonly JsonSerializerOptions EmbeddedJson = new(JsonSerializerDefaults.Web);

    /// <returns>null when there is no such snapshot.</returns>
    public async Task<SnapshotParseOutcome?> ParseAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var snapshot = await snapshots.GetAsync(id, cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        ParsedPage page;
        try
        {
            page = await ParseStoredAsync(snapshot, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or JsonException or IOException)
        {
            // Only the parse result records the failure: the snapshot and its files stay exactly as stored.
            await results.SaveFailureAsync(id, exception.Message, cancellationToken);
            return new SnapshotParseOutcome(id, null, exception.Message);
        }

        await results.SaveAsync(id, page, cancellationToken);
        return new SnapshotParseOutcome(id, page, null);
    }

    private async Task<ParsedPage> ParseStoredAsync(SnapshotSummary snapshot, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(snapshot.Url, UriKind.Absolute, out var url))
        {
            throw new InvalidDataException($"the snapshot's URL '{snapshot.Url}' is not absolute");
        }

        var html = await ReadArtifactAsync(snapshot.HtmlSha256, "page", cancellationToken);
        IReadOnlyList<EmbeddedScript>? embedded = null;
        if (snapshot.EmbeddedDataSha256 is { } embeddedSha256)
        {
            var bytes = await ReadArtifactAsync(embeddedSha256, "embedded data", cancellationToken);
            embedded = JsonSerializer.Deserialize<EmbeddedScript[]>(bytes, EmbeddedJson);
        }

        // Stored pages are always UTF-8 (the host encodes the text it received): a page's own <meta charset="gbk">
        // describes the shop's bytes, not ours, so it must not pick the decoder here.
        return PageParser.Parse(System.Text.Encoding.UTF8.GetString(html), url, embedded, snapshot.OrderHint);
    }

    private async Task<byte[]> ReadArtifactAsync(string sha256, string what, CancellationToken cancellationToken)
    {
        await using var stream = artifacts.OpenRead(sha256)
            ?? throw new InvalidDataException($"the {what} file (sha256 {sha256}) is not in the data folder");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
