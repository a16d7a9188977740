using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Evidence.Custody;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Evidence.Timestamping;

/// <summary>Wakes the <see cref="TimestampWorker"/>: a new snapshot, a new TSA, or start-up. Never waits.</summary>
public sealed class TimestampNudges
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public ChannelReader<bool> Reader => _channel.Reader;

    public void Nudge() => _channel.Writer.TryWrite(true);
}

/// <summary>
/// When a TSA is set, asks it for an RFC 3161 token over each manifest's SHA-256, off the request path: every
/// snapshot without a token, oldest first, on each nudge. A TSA that fails ends the round (no hammering); the
/// snapshots wait in the database for the next nudge or the retry a minute later, so none is skipped.
/// </summary>
public sealed partial class TimestampWorker(
    TimestampNudges nudges, EvidenceSettingsStore settings, TimestampClient client, Database database, ArtifactStore artifacts, TimeProvider clock,
    ILogger<TimestampWorker> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        nudges.Nudge();
        while (!stoppingToken.IsCancellationRequested)
        {
            await nudges.Reader.ReadAsync(stoppingToken);
            if (!await RoundAsync(stoppingToken))
            {
                _ = RetryLaterAsync(stoppingToken);
            }
        }
    }

    private async Task RetryLaterAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(RetryAfterFailure, clock, stoppingToken);
            nudges.Nudge();
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <returns>false when the TSA failed and snapshots are left waiting.</returns>
    public async Task<bool> RoundAsync(CancellationToken cancellationToken)
    {
        if ((await settings.GetAsync(cancellationToken)).TsaUrl is not { } tsa)
        {
            return true;
        }

        foreach (var (id, manifest) in await WaitingAsync(cancellationToken))
        {
            TimestampToken token;
            try
            {
                token = await client.RequestAsync(new Uri(tsa), Convert.FromHexString(manifest), cancellationToken);
            }
            catch (TimestampException exception)
            {
                LogFailed(exception.Message);
                return false;
            }

            var artifact = await artifacts.PutAsync(token.Der, cancellationToken);
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            if (!artifacts.Exists(artifact.Sha256))
            {
                await artifacts.PutAsync(token.Der, cancellationToken);
            }

            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE snapshots SET timestamp_sha256 = $token WHERE id = $id AND manifest_sha256 = $manifest AND timestamp_sha256 IS NULL;";
            update.Parameters.AddWithValue("$token", artifact.Sha256);
            update.Parameters.AddWithValue("$id", id.ToString("D"));
            update.Parameters.AddWithValue("$manifest", manifest);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                await CustodyLog.AppendAsync(connection, transaction, clock.GetUtcNow(), CustodyKinds.Timestamped, id, new JsonObject
                {
                    ["manifest"] = manifest,
                    ["token"] = artifact.Sha256,
                    ["genTime"] = CustodyLog.FormatTime(token.GenTime),
                    ["tsa"] = tsa,
                    ["tsaName"] = token.TsaName,
                }, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return true;
    }

    private async Task<IReadOnlyList<(Guid Id, string Manifest)>> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, manifest_sha256 FROM snapshots WHERE manifest_sha256 IS NOT NULL AND timestamp_sha256 IS NULL ORDER BY seq;";
        var waiting = new List<(Guid, string)>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            waiting.Add((Guid.Parse(reader.GetString(0)), reader.GetString(1)));
        }

        return waiting;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timestamping paused: {Problem}. Snapshots wait and are timestamped when the TSA answers.")]
    private partial void LogFailed(string problem);
}
