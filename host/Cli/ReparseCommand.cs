using ReceiptGuard.Host.Capture;
using ReceiptGuard.Host.Parsing;
using ReceiptGuard.Host.Parsing.Ingest;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Cli;

/// <summary>
/// <c>reparse [--data DIR] [--all | --older]</c>: runs this version's parsers over stored snapshots and replaces their
/// parse results. Reads the stored pages, never writes them. Run it while the host is stopped (or not: SQLite's WAL
/// and one transaction per snapshot keep both consistent).
/// </summary>
public static class ReparseCommand
{
    public static async Task<int> RunAsync(CommandLine cli, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (cli.Option("all") is not null && cli.Option("older") is not null)
        {
            await output.WriteLineAsync("error: choose --all or --older, not both.");
            return 2;
        }

        using var store = await StoreContext.OpenAsync(cli, output, cancellationToken: cancellationToken);
        if (store is null)
        {
            return 1;
        }

        var (data, results, parsing) = (store.Data, store.ParseResults, store.Parsing);
        var selection = cli.Option("all") is not null ? ParseResultStore.Selection.All : ParseResultStore.Selection.Outdated;
        var ids = await results.ListAsync(selection, cancellationToken);
        await output.WriteLineAsync(selection == ParseResultStore.Selection.All
            ? $"Reparsing all {ids.Count} snapshots in {data.Root} with parsers version {PageParser.Version}"
            : $"Reparsing {ids.Count} snapshots in {data.Root} never parsed, failed, or parsed before parsers version {PageParser.Version}");

        int parsed = 0, failed = 0, orders = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            var outcome = await parsing.ParseAsync(ids[i], cancellationToken);
            var line = outcome switch
            {
                null => "gone (deleted meanwhile)",
                { Error: { } error } => $"failed: {error}",
                { Page: { } page } => $"{page.Platform} {page.Kind.ToString().ToLowerInvariant()}, {page.Orders.Count} orders" +
                    (page.SubjectOrderId is { } subject ? $", subject {subject}" : ""),
                _ => "?",
            };
            if (outcome?.Error is not null)
            {
                failed++;
            }
            else if (outcome?.Page is { } page)
            {
                parsed++;
                orders += page.Orders.Count;
            }

            await output.WriteLineAsync($"[{i + 1}/{ids.Count}] {ids[i]} {line}");
        }

        await output.WriteLineAsync($"Done: {parsed} parsed ({orders} orders), {failed} failed, of {ids.Count}. Stored pages unchanged.");
        return 0;
    }
}
