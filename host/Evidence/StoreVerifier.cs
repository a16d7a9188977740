using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReceiptGuard.Host.Evidence.Custody;
using ReceiptGuard.Host.Evidence.Manifests;
using ReceiptGuard.Host.Evidence.Signing;
using ReceiptGuard.Host.Evidence.Timestamping;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Evidence;

/// <summary>What checking the whole store found: the first problem is what a user acts on; all are listed.</summary>
public sealed record StoreReport(bool Ok, string? FirstProblem, IReadOnlyList<string> Problems, int Entries, int Snapshots, int Files, string KeyFingerprint);

/// <summary>What checking one snapshot's record found (its files, manifest, signature, timestamp and custody entries).</summary>
public sealed record SnapshotCheck(bool Ok, string? FirstProblem, IReadOnlyList<string> Problems, int Entries, int Files, string KeyFingerprint);

/// <summary>
/// Checks the whole store without trusting it: the custody log's chain (every entry's hash, every link, no gap), that
/// every stored snapshot was logged with the manifest it has, every manifest's signature, and every file's SHA-256.
/// Finds an edited, missing or reordered entry or artifact.
/// </summary>
public sealed class StoreVerifier(Database database, ArtifactStore artifacts, SigningKey signingKey)
{
    private const int MaxProblems = 200;

    private sealed class Logged(long seq, string? manifest)
    {
        public long Seq { get; } = seq;
        public string? Manifest { get; set; } = manifest;
        public bool Deleted { get; set; }
    }

    private sealed record Row(string Id, string Url, string Title, string CapturedAt, string? Manifest, string? Signature, string? ParseResult, string? Timestamp);

    public async Task<StoreReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        void Problem(string text)
        {
            if (problems.Count < MaxProblems)
            {
                problems.Add(text);
            }
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var entries = await CustodyLog.ReadAsync(connection, null, cancellationToken);
        var logged = CheckChain(entries, Problem);
        var rows = await ReadRowsAsync(connection, null, cancellationToken);
        var files = 0;
        foreach (var row in rows)
        {
            files += await CheckSnapshotAsync(row, logged, Problem, cancellationToken);
        }

        var stored = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, entry) in logged.Where(l => !l.Value.Deleted && !stored.Contains(l.Key)))
        {
            Problem($"snapshot {id}: logged as stored (custody entry {entry.Seq}) but missing from the database, and never deleted");
        }

        return new StoreReport(problems.Count == 0, problems.FirstOrDefault(), problems, entries.Count, rows.Count, files, signingKey.Fingerprint);
    }

    /// <summary>
    /// Checks one snapshot the way <see cref="VerifyAsync"/> checks each: its custody entries (each intact and linked to
    /// the entry before it), its row against the manifest the log recorded, the signature, and every file. Null when
    /// no such snapshot is stored. The rest of the chain is left to the whole-store check, which reads every entry.
    /// </summary>
    public async Task<SnapshotCheck?> VerifySnapshotAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        void Problem(string text)
        {
            if (problems.Count < MaxProblems)
            {
                problems.Add(text);
            }
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await ReadRowsAsync(connection, id, cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var entries = await CustodyLog.ReadAsync(connection, [id], cancellationToken);
        var predecessors = await CustodyLog.ReadHashesAsync(connection, entries.Where(e => e.Seq > 1).Select(e => e.Seq - 1), cancellationToken);
        var logged = new Dictionary<string, Logged>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!entry.IsIntact)
            {
                Problem($"custody entry {entry.Seq}: edited (its hash does not match what it records)");
            }

            var previous = entry.Seq == 1 ? CustodyEntry.Genesis : predecessors.GetValueOrDefault(entry.Seq - 1);
            if (previous is null)
            {
                Problem($"custody entry {entry.Seq - 1}: missing (entry {entry.Seq} follows it)");
            }
            else if (entry.PreviousHash != previous)
            {
                Problem($"custody entry {entry.Seq}: does not follow entry {entry.Seq - 1} (its previous hash differs): an entry was edited, removed or reordered");
            }

            Track(entry, logged);
        }

        var files = await CheckSnapshotAsync(rows[0], logged, Problem, cancellationToken);
        return new SnapshotCheck(problems.Count == 0, problems.FirstOrDefault(), problems, entries.Count, files, signingKey.Fingerprint);
    }

    private static Dictionary<string, Logged> CheckChain(IReadOnlyList<CustodyEntry> entries, Action<string> problem)
    {
        var logged = new Dictionary<string, Logged>(StringComparer.Ordinal);
        long expected = 1;
        var previous = CustodyEntry.Genesis;
        foreach (var entry in entries)
        {
            if (entry.Seq != expected)
            {
                problem(entry.Seq > expected
                    ? $"custody entry {expected}: missing (the log goes from {expected - 1} to {entry.Seq})"
                    : $"custody entry {entry.Seq}: out of order (after entry {expected - 1})");
            }
            else if (entry.PreviousHash != previous)
            {
                problem($"custody entry {entry.Seq}: does not follow entry {entry.Seq - 1} (its previous hash differs): an entry was edited, removed or reordered");
            }

            if (!entry.IsIntact)
            {
                problem($"custody entry {entry.Seq}: edited (its hash does not match what it records)");
            }

            previous = entry.Hash;
            expected = entry.Seq + 1;
            Track(entry, logged);
        }

        return logged;
    }

    /// <summary>Which manifest the log recorded for each snapshot it stored, and whether it later logged a deletion.</summary>
    private static void Track(CustodyEntry entry, Dictionary<string, Logged> logged)
    {
        if (entry.SnapshotId is not { } id)
        {
            return;
        }

        if (entry.Kind == CustodyKinds.Stored)
        {
            logged[id] = new Logged(entry.Seq, ManifestOf(entry));
        }
        else if (entry.Kind == CustodyKinds.Deleted && logged.TryGetValue(id, out var deleted))
        {
            deleted.Deleted = true;
        }
    }

    private async Task<int> CheckSnapshotAsync(Row row, Dictionary<string, Logged> logged, Action<string> problem, CancellationToken cancellationToken)
    {
        if (!logged.TryGetValue(row.Id, out var entry))
        {
            problem($"snapshot {row.Id}: stored but not in the custody log");
        }
        else if (entry.Deleted)
        {
            problem($"snapshot {row.Id}: logged as deleted but still stored");
        }

        if (row.Manifest is null || row.Signature is null)
        {
            problem($"snapshot {row.Id}: has no signed manifest");
            return 0;
        }

        if (entry is not null && entry.Manifest != row.Manifest)
        {
            problem($"snapshot {row.Id}: its manifest ({row.Manifest}) is not the one the custody log recorded ({entry.Manifest})");
        }

        var manifestBytes = await ReadCheckedAsync(row.Manifest, $"snapshot {row.Id}: manifest", problem, cancellationToken);
        if (manifestBytes is null)
        {
            return 1;
        }

        if (!signingKey.Verify(manifestBytes, Convert.FromBase64String(row.Signature)))
        {
            problem($"snapshot {row.Id}: the manifest's signature does not verify with this host's key {signingKey.Fingerprint}");
        }

        SnapshotManifest manifest;
        try
        {
            manifest = SnapshotManifest.Parse(manifestBytes);
        }
        catch (JsonException exception)
        {
            problem($"snapshot {row.Id}: the manifest is unreadable ({exception.Message})");
            return 1;
        }

        if (manifest.SnapshotId.ToString("D") != row.Id || manifest.Url != row.Url || manifest.Title != row.Title || manifest.CapturedAt != row.CapturedAt)
        {
            problem($"snapshot {row.Id}: the database row (id, url, title or capture time) differs from its signed manifest");
        }

        var files = 1;
        foreach (var file in manifest.Files)
        {
            files++;
            var content = await ReadCheckedAsync(file.Sha256, $"snapshot {row.Id}: {file.Name}", problem, cancellationToken);
            if (content is not null && content.LongLength != file.Size)
            {
                problem($"snapshot {row.Id}: {file.Name} has {content.LongLength} bytes, its manifest says {file.Size}");
            }
        }

        if (row.Timestamp is { } timestamp && await ReadCheckedAsync(timestamp, $"snapshot {row.Id}: timestamp token", problem, cancellationToken) is { } token)
        {
            files++;
            var check = TimestampVerifier.Verify(token, Convert.FromHexString(row.Manifest));
            if (!check.Valid)
            {
                problem($"snapshot {row.Id}: the timestamp token does not cover its manifest ({check.Problem})");
            }
        }

        if (row.ParseResult is { } parsed)
        {
            files++;
            await ReadCheckedAsync(parsed, $"snapshot {row.Id}: parse result", problem, cancellationToken);
        }

        return files;
    }

    /// <summary>The artifact's content when it is present and hashes to its name; else a problem and null.</summary>
    private async Task<byte[]?> ReadCheckedAsync(string sha256, string what, Action<string> problem, CancellationToken cancellationToken)
    {
        byte[]? content;
        try
        {
            content = await artifacts.ReadAllBytesAsync(sha256, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            problem($"{what} (sha256 {sha256}): the file is damaged ({exception.Message})");
            return null;
        }

        if (content is null)
        {
            problem($"{what} (sha256 {sha256}): the file is missing");
            return null;
        }

        if (Convert.ToHexStringLower(SHA256.HashData(content)) != sha256)
        {
            problem($"{what} (sha256 {sha256}): the file was altered (its content hashes differently)");
            return null;
        }

        return content;
    }

    private static string? ManifestOf(CustodyEntry entry)
    {
        try
        {
            return JsonNode.Parse(entry.Detail)?["manifest"]?.GetValue<string>();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task<IReadOnlyList<Row>> ReadRowsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Guid? only, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = $"""
            SELECT s.id, s.url, s.title, s.captured_at, s.manifest_sha256, s.manifest_signature, p.result_sha256, s.timestamp_sha256
            FROM snapshots s LEFT JOIN parse_results p ON p.snapshot_id = s.id {(only is null ? "" : "WHERE s.id = $id")} ORDER BY s.seq;
            """;
        if (only is { } id)
        {
            select.Parameters.AddWithValue("$id", id.ToString("D"));
        }

        var rows = new List<Row>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(4), Text(5), Text(6), Text(7)));
        }

        return rows;
    }
}
