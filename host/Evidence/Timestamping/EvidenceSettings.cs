using Microsoft.Data.Sqlite;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Evidence.Timestamping;

/// <summary>The evidence store's settings: the RFC 3161 timestamp authority to ask, if any (none by default).</summary>
public sealed record EvidenceSettings(string? TsaUrl)
{
    /// <summary>A TSA address a user may set: absolute http or https (RFC 3161 over HTTP), or nothing.</summary>
    public static string? Validate(string? tsaUrl) =>
        string.IsNullOrWhiteSpace(tsaUrl) || (Uri.TryCreate(tsaUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            ? null
            : "must be an http:// or https:// address of an RFC 3161 timestamp authority, or empty for none.";
}

public sealed class EvidenceSettingsStore(Database database)
{
    public async Task<EvidenceSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT tsa_url FROM evidence_settings WHERE id = 1;";
        return new EvidenceSettings(await select.ExecuteScalarAsync(cancellationToken) as string);
    }

    public async Task SaveAsync(EvidenceSettings settings, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var upsert = connection.CreateCommand();
        upsert.CommandText = "INSERT INTO evidence_settings (id, tsa_url) VALUES (1, $url) ON CONFLICT(id) DO UPDATE SET tsa_url = excluded.tsa_url;";
        upsert.Parameters.AddWithValue("$url", string.IsNullOrWhiteSpace(settings.TsaUrl) ? DBNull.Value : settings.TsaUrl.Trim());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How many days snapshots are kept (see <see cref="Retention.RetentionRule"/>); null keeps them forever.</summary>
    public async Task<int?> GetRetentionDaysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT retention_days FROM evidence_settings WHERE id = 1;";
        return await select.ExecuteScalarAsync(cancellationToken) is long days ? (int)days : null;
    }

    /// <summary>Saves the retention limit in the same row as the TSA address, leaving the address as it is.</summary>
    public async Task SaveRetentionDaysAsync(int? days, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var upsert = connection.CreateCommand();
        upsert.CommandText = "INSERT INTO evidence_settings (id, retention_days) VALUES (1, $days) ON CONFLICT(id) DO UPDATE SET retention_days = excluded.retention_days;";
        upsert.Parameters.AddWithValue("$days", days is { } value ? value : DBNull.Value);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
