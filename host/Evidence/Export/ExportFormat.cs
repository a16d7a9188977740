using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>Conventions every export file shares: JSON options, times, digests.</summary>
internal static class ExportFormat
{
    /// <summary>Readable Chinese in the JSON files; the signature covers the bytes, so escaping is a matter of taste.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>One line per value, for JSON Lines and CDXJ.</summary>
    public static readonly JsonSerializerOptions CompactJson = new(Json) { WriteIndented = false };

    /// <summary>UTC, ISO 8601 with milliseconds and Z, as the custody log writes times.</summary>
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
