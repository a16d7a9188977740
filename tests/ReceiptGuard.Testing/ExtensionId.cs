using System.Security.Cryptography;
using System.Text.Json;

namespace ReceiptGuard.Testing;

/// <summary>Chromium derives an extension's id from the manifest "key": SHA-256 of the key, first 32 hex digits as a–p.</summary>
public static class ExtensionId
{
    public static string FromManifest(string manifestPath)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var key = Convert.FromBase64String(manifest.RootElement.GetProperty("key").GetString()!);
        var hash = SHA256.HashData(key);
        return string.Concat(Convert.ToHexStringLower(hash)[..32].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
    }
}
