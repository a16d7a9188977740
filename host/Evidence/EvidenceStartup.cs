using ReceiptGuard.Host.Capture;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Evidence;

/// <summary>
/// Before the first request, after the migrations: removes what a crash left half-done (temporary files, artifacts no
/// row refers to: written before a row that never committed) and gives old snapshots their signed manifests.
/// </summary>
public sealed class EvidenceStartup(Database database, ArtifactStore artifacts, SnapshotStore snapshots, ILogger<EvidenceStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var temporary = artifacts.DeleteLeftoverTemporaryFiles();
        var backfilled = await snapshots.BackfillManifestsAsync(cancellationToken);
        var orphans = await DeleteOrphansAsync(database, artifacts, cancellationToken);
        if (temporary + backfilled + orphans > 0)
        {
            logger.LogInformation(
                "Store check at start-up: {Temporary} temporary file(s) and {Orphans} unreferenced artifact(s) removed, {Backfilled} snapshot(s) given a signed manifest",
                temporary, orphans, backfilled);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Only safe while nothing else writes to the store (start-up, or a stopped host).</summary>
    public static async Task<int> DeleteOrphansAsync(Database database, ArtifactStore artifacts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var referenced = await EvidenceStore.ReferencedArtifactsAsync(connection, cancellationToken);
        var orphans = artifacts.EnumerateAll().Where(sha256 => !referenced.Contains(sha256)).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var sha256 in orphans)
        {
            artifacts.Delete(sha256);
        }

        return orphans.Length;
    }
}
