using ReceiptGuard.Host.Capture;
using ReceiptGuard.Host.Evidence.Export;
using ReceiptGuard.Host.Parsing;

namespace ReceiptGuard.Host.Cli;

/// <summary>
/// <c>import FILE… [--data DIR] [--url URL]</c>: brings saved pages (the browser's "Save page as", SingleFile output)
/// into the store as manual snapshots — hashed, signed, logged and parsed like any capture; and earlier exports
/// (.zip, .wacz), which must verify first, with their snapshots' own ids and capture metadata. A page already
/// imported (same content or id) is recognised and not stored twice. A file that cannot be read is reported and the
/// others still go in.
/// </summary>
public static class ImportCommand
{
    /// <summary>A page's bytes past this are not a saved order page (the host's own limit for a capture is 64 MB).</summary>
    private const long MaxFileBytes = 64L * 1024 * 1024;

    public static async Task<int> RunAsync(CommandLine cli, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (cli.Positionals.Count == 0)
        {
            await error.WriteLineAsync("error: import needs at least one FILE: import FILE… [--data DIR] [--url URL]");
            return 2;
        }

        using var store = await StoreContext.OpenAsync(cli, error, create: true, cancellationToken);
        if (store is null)
        {
            return 1;
        }

        int imported = 0, known = 0, failed = 0;
        foreach (var file in cli.Positionals)
        {
            var (line, outcome) = await ImportOneAsync(store, file, cli.Option("url"), cancellationToken);
            await (outcome == Outcome.Failed ? error : output).WriteLineAsync($"{file}: {line}");
            switch (outcome)
            {
                case Outcome.Imported:
                    imported++;
                    break;
                case Outcome.Known:
                    known++;
                    break;
                default:
                    failed++;
                    break;
            }
        }

        await output.WriteLineAsync($"Done: {imported} imported, {known} already in the store, {failed} failed, into {store.Data.Root}.");
        return failed == 0 ? 0 : 1;
    }

    private enum Outcome
    {
        Imported,
        Known,
        Failed,
    }

    private static async Task<(string Line, Outcome Outcome)> ImportOneAsync(StoreContext store, string file, string? urlOption, CancellationToken cancellationToken)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            return ("no such file", Outcome.Failed);
        }

        if (info.Length > MaxFileBytes)
        {
            return ($"{info.Length / 1024 / 1024} MB is more than the {MaxFileBytes / 1024 / 1024} MB a snapshot may have", Outcome.Failed);
        }

        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return await ImportBundleAsync(store, file, bytes, cancellationToken);
        }

        var html = PageDecoder.Decode(bytes);
        var saved = SavedPage.Read(html);
        var url = urlOption ?? saved.Url;
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (url is null
                ? "the page does not say which address it was saved from; pass --url URL"
                : $"'{url}' is not an http(s) address", Outcome.Failed);
        }

        // The same file imported twice is the same snapshot: its id comes from its content.
        var id = new Guid(System.Security.Cryptography.SHA256.HashData(bytes).AsSpan(0, 16));
        var payload = new SnapshotPayload(
            id, uri, saved.Title.Length > 0 ? saved.Title : Path.GetFileName(file), saved.SavedAt ?? new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero),
            html, Decision.None, uri.Host, ButtonText: "", OrderHint: null, CaptureKind.Manual, EmbeddedData: [], Screenshot: null,
            ScreenshotError: "imported from a saved page: no screenshot", ContextJson: null);
        var result = await store.Snapshots.IngestAsync(payload, Path.GetFileName(file), cancellationToken);
        if (result.Outcome != IngestOutcome.Created)
        {
            return ($"already in the store as snapshot {id}", Outcome.Known);
        }

        return ($"imported as snapshot {id} ({await ParseAsync(store, id, cancellationToken)})", Outcome.Imported);
    }

    private static async Task<(string Line, Outcome Outcome)> ImportBundleAsync(StoreContext store, string file, byte[] bytes, CancellationToken cancellationToken)
    {
        var (snapshots, problem) = BundleSnapshots.Read(new MemoryStream(bytes));
        if (problem is not null)
        {
            return ($"not imported: {problem}", Outcome.Failed);
        }

        var lines = new List<string>();
        var created = 0;
        foreach (var bundled in snapshots)
        {
            var result = await store.Snapshots.IngestAsync(bundled.Payload, $"{Path.GetFileName(file)} (signed there by {bundled.SignedBy})", cancellationToken);
            if (result.Outcome == IngestOutcome.Created)
            {
                created++;
                lines.Add($"snapshot {bundled.Payload.Id} imported ({await ParseAsync(store, bundled.Payload.Id, cancellationToken)})");
            }
            else
            {
                lines.Add($"snapshot {bundled.Payload.Id} already in the store{(result.Outcome == IngestOutcome.Conflict ? " with different content: kept the stored one" : "")}");
            }
        }

        var summary = $"bundle of {snapshots.Count} snapshot(s), {created} new: " + string.Join("; ", lines);
        return (summary, created > 0 || snapshots.Count == 0 ? Outcome.Imported : Outcome.Known);
    }

    private static async Task<string> ParseAsync(StoreContext store, Guid id, CancellationToken cancellationToken)
    {
        var parsed = await store.Parsing.ParseAsync(id, cancellationToken);
        return parsed?.Page is { } page
            ? $"{page.Platform} {page.Kind.ToString().ToLowerInvariant()}, {page.Orders.Count} order(s)"
            : $"not parsed: {parsed?.Error}";
    }
}
