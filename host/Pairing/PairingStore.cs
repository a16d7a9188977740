using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Security;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Pairing;

/// <summary>A paired extension as the UI lists it. The token itself is never kept, only its HMAC.</summary>
public sealed record PairedClient(Guid Id, string Name, string? Origin, DateTimeOffset CreatedAt, DateTimeOffset? LastSeenAt, DateTimeOffset? RevokedAt);

/// <summary>A new pairing: the token is shown to the extension once and never again.</summary>
public sealed record NewPairing(PairedClient Client, string Token);

/// <summary>
/// Paired clients in SQLite (table paired_clients). Tokens are checked on every API call, so the hashes of the live
/// (not revoked) clients are also kept in memory; revoking removes a client from both at once.
/// </summary>
/// <remarks>
/// A paired extension's origin (Firefox's per-install moz-extension://UUID) is trusted by the caller checks for as long
/// as a live pairing has it: added when loaded or paired, removed when the last pairing with it is revoked.
/// </remarks>
public sealed class PairingStore(Database database, PairingSecret secret, TimeProvider clock, ExtensionOriginRegistry origins) : IDisposable
{
    /// <summary>last_seen_at is written at most this often per client: every request would be a write otherwise.</summary>
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private ConcurrentDictionary<string, Live>? _live;

    public string HashOf(string token) => Convert.ToHexStringLower(secret.Hmac(token));

    public async Task<NewPairing> PairAsync(string name, string? origin, CancellationToken cancellationToken = default)
    {
        var live = await LiveAsync(cancellationToken);
        var token = PairingSecret.Base64Url(RandomNumberGenerator.GetBytes(32));
        var client = new PairedClient(Guid.NewGuid(), name, origin, clock.GetUtcNow(), null, null);
        var hash = HashOf(token);
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO paired_clients (id, name, origin, token_hash, created_at) VALUES ($id, $name, $origin, $hash, $created);
                """;
            command.Parameters.AddWithValue("$id", client.Id.ToString("D"));
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$origin", (object?)origin ?? DBNull.Value);
            command.Parameters.AddWithValue("$hash", hash);
            command.Parameters.AddWithValue("$created", Format(client.CreatedAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        live[hash] = new Live(client.Id, client.Name, client.Origin) { LastSeenAt = client.CreatedAt };
        Trust(origin);
        return new NewPairing(client, token);
    }

    /// <summary>The live client this token belongs to, or null (unknown or revoked). Notes when it was last seen.</summary>
    public async Task<(Guid Id, string Name, string? Origin)?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        var live = await LiveAsync(cancellationToken);
        if (!live.TryGetValue(HashOf(token), out var client))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (now - client.LastSeenAt >= SeenResolution)
        {
            client.LastSeenAt = now;
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE paired_clients SET last_seen_at = $now WHERE id = $id;";
            command.Parameters.AddWithValue("$now", Format(now));
            command.Parameters.AddWithValue("$id", client.Id.ToString("D"));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return (client.Id, client.Name, client.Origin);
    }

    /// <summary>Revokes a client: its token stops working at once. False when there is no such client.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var live = await LiveAsync(cancellationToken);
        int changed;
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE paired_clients SET revoked_at = coalesce(revoked_at, $now) WHERE id = $id;";
            command.Parameters.AddWithValue("$now", Format(clock.GetUtcNow()));
            command.Parameters.AddWithValue("$id", id.ToString("D"));
            changed = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (hash, client) in live)
        {
            if (client.Id == id && live.TryRemove(hash, out _) && client.Origin is { } origin && !live.Values.Any(other => origin.Equals(other.Origin, StringComparison.OrdinalIgnoreCase)))
            {
                origins.Remove(origin);
            }
        }

        return changed > 0;
    }

    /// <summary>Every client ever paired, newest first, revoked ones included (the UI says so).</summary>
    public async Task<IReadOnlyList<PairedClient>> ListAsync(CancellationToken cancellationToken = default)
    {
        var live = await LiveAsync(cancellationToken);
        var seen = live.Values.ToDictionary(c => c.Id, c => c.LastSeenAt);
        var clients = new List<PairedClient>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, origin, created_at, last_seen_at, revoked_at FROM paired_clients ORDER BY created_at DESC, id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = Guid.Parse(reader.GetString(0));
            var lastSeen = reader.IsDBNull(4) ? (DateTimeOffset?)null : Parse(reader.GetString(4));
            // The in-memory time is up to a minute fresher than the stored one.
            if (seen.TryGetValue(id, out var fresher) && (lastSeen is null || fresher > lastSeen))
            {
                lastSeen = fresher;
            }

            clients.Add(new PairedClient(
                id,
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                Parse(reader.GetString(3)),
                lastSeen,
                reader.IsDBNull(5) ? null : Parse(reader.GetString(5))));
        }

        return clients;
    }

    private async Task<ConcurrentDictionary<string, Live>> LiveAsync(CancellationToken cancellationToken)
    {
        if (_live is { } loaded)
        {
            return loaded;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_live is { } again)
            {
                return again;
            }

            var live = new ConcurrentDictionary<string, Live>(StringComparer.Ordinal);
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT token_hash, id, name, origin, coalesce(last_seen_at, created_at) FROM paired_clients WHERE revoked_at IS NULL;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                live[reader.GetString(0)] = new Live(Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))
                {
                    LastSeenAt = Parse(reader.GetString(4)),
                };
            }

            foreach (var client in live.Values)
            {
                Trust(client.Origin);
            }

            _live = live;
            return live;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Loads the live pairings, so their origins are trusted before the first request needs them.</summary>
    public async Task WarmAsync(CancellationToken cancellationToken = default) => await LiveAsync(cancellationToken);

    private void Trust(string? origin)
    {
        if (origin is not null && ExtensionOriginRegistry.IsExtensionOrigin(origin))
        {
            origins.Add(origin);
        }
    }

    public void Dispose() => _loading.Dispose();

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private sealed class Live(Guid id, string name, string? origin)
    {
        public Guid Id { get; } = id;

        public string Name { get; } = name;

        public string? Origin { get; } = origin;

        public DateTimeOffset LastSeenAt { get; set; }
    }
}
