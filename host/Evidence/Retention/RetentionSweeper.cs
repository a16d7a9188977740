using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using ReceiptGuard.Host.Evidence.Custody;
using ReceiptGuard.Host.Evidence.Timestamping;
using ReceiptGuard.Host.Live;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Evidence.Retention;

/// <summary>
/// Applies the retention rule: finds the snapshots it covers and deletes each through
/// <see cref="EvidenceStore.DeleteExpiredAsync"/>, which re-checks the rule under the write lock, logs the deletion
/// and keeps files other snapshots share. Two sweeps at once (the worker's and a save's) are harmless: a snapshot the
/// other already deleted is simply not found.
/// </summary>
public sealed partial class RetentionSweeper(
    EvidenceSettingsStore settings, Database database, EvidenceStore store, IHubContext<GuardHub, IGuardClient> hub, TimeProvider clock,
    ILogger<RetentionSweeper> logger)
{
    public async Task<RetentionPreview> PreviewAsync(int? days, CancellationToken cancellationToken = default)
    {
        if (days is not { } kept)
        {
            return new RetentionPreview(null, null, 0, 0);
        }

        var cutoff = RetentionRule.CutoffAt(clock.GetUtcNow(), kept);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = $"""
            SELECT COUNT(*) FILTER (WHERE NOT {RetentionRule.NotedSql}), COUNT(*) FILTER (WHERE {RetentionRule.NotedSql})
            FROM snapshots WHERE {RetentionRule.OlderSql};
            """;
        count.Parameters.AddWithValue("$cutoff", CustodyLog.FormatTime(cutoff));
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new RetentionPreview(kept, cutoff, reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>Deletes what the saved rule covers now; returns how many snapshots went.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        if (await settings.GetRetentionDaysAsync(cancellationToken) is not { } days)
        {
            return 0;
        }

        var rule = new RetentionDeletion(days, RetentionRule.CutoffAt(clock.GetUtcNow(), days));
        var deleted = 0;
        foreach (var id in await ExpiredAsync(rule, cancellationToken))
        {
            if (await store.DeleteExpiredAsync(id, rule, cancellationToken))
            {
                deleted++;
                await hub.Clients.All.SnapshotDeleted(id);
            }
        }

        if (deleted > 0)
        {
            LogSwept(deleted, days, CustodyLog.FormatTime(rule.Cutoff));
        }

        return deleted;
    }

    private async Task<IReadOnlyList<Guid>> ExpiredAsync(RetentionDeletion rule, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT id FROM snapshots WHERE {RetentionRule.ExpiredSql} ORDER BY seq;";
        select.Parameters.AddWithValue("$cutoff", CustodyLog.FormatTime(rule.Cutoff));
        var ids = new List<Guid>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture));
        }

        return ids;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Count} snapshot(s) received before {Cutoff} (kept {Days} days; snapshots with notes are kept)")]
    private partial void LogSwept(int count, int days, string cutoff);
}

/// <summary>Runs the retention sweep at start-up (after the start-up store check) and then every few hours.</summary>
public sealed partial class RetentionWorker(RetentionSweeper sweeper, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    /// <summary>Days are the unit of the rule: a few sweeps a day keep it within hours of exact.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failed sweep (a locked or full disk) must not stop the host; the next one tries again.
                LogFailed(exception);
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep failed; it runs again later")]
    private partial void LogFailed(Exception exception);
}
