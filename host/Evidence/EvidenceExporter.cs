using System.Security.Cryptography;
using ReceiptGuard.Host.Capture;
using ReceiptGuard.Host.Evidence.Export;
using ReceiptGuard.Host.Evidence.Manifests;
using ReceiptGuard.Host.Evidence.Signing;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Evidence;

/// <summary>Which snapshots an export holds: an order's (every snapshot that shows it), one snapshot, or all.</summary>
public sealed record ExportSelection(string? OrderId, Guid? SnapshotId, bool All)
{
    public string Describe() => OrderId is { } order ? $"order {order}" : SnapshotId is { } id ? $"snapshot {id}" : "all snapshots";
}

public enum BundleFormat
{
    Zip,
    Wacz,
}

/// <summary>What an export wrote: how many snapshots and the bundle's SHA-256 (also in the custody log).</summary>
public sealed record ExportOutcome(int Snapshots, string BundleSha256, long Bytes);

/// <summary>
/// Reads the selected snapshots out of the store exactly as stored (manifests, signatures, files, parse results,
/// timestamp tokens, the custody entries about them), writes a bundle, and logs the export with the bundle's hash.
/// </summary>
public sealed class EvidenceExporter(Database database, ArtifactStore artifacts, EvidenceStore evidence, SnapshotStore snapshots, SigningKey signingKey, TimeProvider clock)
{
    public async Task<IReadOnlyList<Guid>> SelectAsync(ExportSelection selection, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        if (selection.OrderId is { } orderId)
        {
            select.CommandText = """
                SELECT id FROM snapshots WHERE order_hint = $order OR id IN (SELECT snapshot_id FROM orders WHERE order_id = $order) ORDER BY seq;
                """;
            select.Parameters.AddWithValue("$order", orderId);
        }
        else if (selection.SnapshotId is { } id)
        {
            select.CommandText = "SELECT id FROM snapshots WHERE id = $id;";
            select.Parameters.AddWithValue("$id", id.ToString("D"));
        }
        else
        {
            select.CommandText = "SELECT id FROM snapshots ORDER BY seq;";
        }

        var ids = new List<Guid>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    /// <summary>Writes the bundle to <paramref name="output"/> (which must be readable and seekable, to hash it).</summary>
    /// <exception cref="InvalidDataException">a snapshot's manifest or one of its files is missing or altered.</exception>
    public async Task<ExportOutcome> WriteAsync(IReadOnlyList<Guid> ids, ExportSelection selection, BundleFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        var exported = new List<ExportSnapshot>();
        foreach (var summary in await snapshots.GetManyAsync(ids, cancellationToken))
        {
            exported.Add(await ReadAsync(summary, cancellationToken));
        }

        var custody = await evidence.CustodyAsync(ids, cancellationToken);
        var bundle = new ExportBundle($"ReceiptGuard evidence: {selection.Describe()}", clock.GetUtcNow(), HostInfo.Version, exported, custody);
        var start = output.Position;
        if (format == BundleFormat.Wacz)
        {
            await WaczWriter.WriteAsync(bundle, signingKey, output, cancellationToken);
        }
        else
        {
            await ZipBundleWriter.WriteAsync(bundle, signingKey, output, cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
        output.Position = start;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(output, cancellationToken));
        var bytes = output.Position - start;
        await evidence.LogExportAsync(ids, format.ToString().ToLowerInvariant(), sha256, cancellationToken);
        return new ExportOutcome(exported.Count, sha256, bytes);
    }

    private async Task<ExportSnapshot> ReadAsync(SnapshotSummary summary, CancellationToken cancellationToken)
    {
        if (summary.ManifestSha256 is not { } manifestSha256 || summary.ManifestSignature is not { } signature)
        {
            throw new InvalidDataException($"snapshot {summary.Id} has no signed manifest yet (restart the host to backfill it)");
        }

        var manifestBytes = await RequireAsync(manifestSha256, $"snapshot {summary.Id}: manifest", cancellationToken);
        var manifest = SnapshotManifest.Parse(manifestBytes);
        var files = new List<ExportFile>();
        foreach (var file in manifest.Files)
        {
            files.Add(new ExportFile(file.Name, file.MediaType, await RequireAsync(file.Sha256, $"snapshot {summary.Id}: {file.Name}", cancellationToken)));
        }

        var parseResult = await ParseResultOfAsync(summary.Id, cancellationToken);
        var timestamp = summary.TimestampSha256 is { } token ? await RequireAsync(token, $"snapshot {summary.Id}: timestamp token", cancellationToken) : null;
        return new ExportSnapshot(summary.Id, summary.Url, summary.Title, summary.CapturedAt, manifestBytes, Convert.FromBase64String(signature), files, parseResult, timestamp);
    }

    private async Task<byte[]?> ParseResultOfAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT result_sha256 FROM parse_results WHERE snapshot_id = $id AND error IS NULL;";
        select.Parameters.AddWithValue("$id", id.ToString("D"));
        return await select.ExecuteScalarAsync(cancellationToken) is string sha256 ? await artifacts.ReadAllBytesAsync(sha256, cancellationToken) : null;
    }

    /// <summary>The artifact, checked against its name: an export never carries a file the store cannot vouch for.</summary>
    private async Task<byte[]> RequireAsync(string sha256, string what, CancellationToken cancellationToken)
    {
        var content = await artifacts.ReadAllBytesAsync(sha256, cancellationToken)
            ?? throw new InvalidDataException($"{what} (sha256 {sha256}) is missing from the data folder; run `verify`");
        return Convert.ToHexStringLower(SHA256.HashData(content)) == sha256
            ? content
            : throw new InvalidDataException($"{what} (sha256 {sha256}) was altered on disk; run `verify`");
    }
}
