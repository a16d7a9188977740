using Microsoft.AspNetCore.SignalR;
using ReceiptGuard.Host.Live;

namespace ReceiptGuard.Host.Parsing.Ingest;

/// <summary>
/// Parses snapshots off the request path, one at a time: first every snapshot stored without a result (e.g. while
/// the host was stopped mid-parse), then each one as it is queued. Announces each result with SnapshotParsed.
/// </summary>
public sealed partial class ParseWorker(
    ParseRequests queue,
    IngestActivity ingest,
    ParseResultStore results,
    SnapshotParsing parsing,
    IHubContext<GuardHub, IGuardClient> hub,
    ILogger<ParseWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting; the sweep can take a while on a large data folder.
        await Task.Yield();
        await SweepAsync(stoppingToken);
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await ParseOneAsync(id, onlyIfUnparsed: true, stoppingToken);
            if (queue.TakeOverflow())
            {
                await SweepAsync(stoppingToken);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var unparsed = await results.ListAsync(ParseResultStore.Selection.Unparsed, cancellationToken);
        if (unparsed.Count > 0)
        {
            LogSweep(unparsed.Count);
        }

        foreach (var id in unparsed)
        {
            await ParseOneAsync(id, onlyIfUnparsed: false, cancellationToken);
        }
    }

    private async Task ParseOneAsync(Guid id, bool onlyIfUnparsed, CancellationToken cancellationToken)
    {
        try
        {
            // A queued id may already have been parsed by a sweep.
            if (onlyIfUnparsed && (await results.GetStatusAsync(id, cancellationToken)).Status != ParseState.Pending)
            {
                return;
            }

            await ingest.WaitForQuietAsync(cancellationToken);
            var outcome = await parsing.ParseAsync(id, cancellationToken);
            if (outcome is null)
            {
                return;
            }

            if (outcome.Error is { } error)
            {
                LogFailed(id, error);
            }

            await hub.Clients.All.SnapshotParsed(id);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One bad snapshot (or a busy database) must not stop parsing for the rest; the next start retries it.
            LogCrashed(exception, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Parsing {Count} snapshots stored without a parse result")]
    private partial void LogSweep(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot {Id} could not be parsed: {Error}")]
    private partial void LogFailed(Guid id, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parsing snapshot {Id} failed unexpectedly")]
    private partial void LogCrashed(Exception exception, Guid id);
}
