using System.ComponentModel.DataAnnotations;

namespace ReceiptGuard.Host.Security;

/// <summary>Caller checks and request limits, read from the <c>ReceiptGuard</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "ReceiptGuard";

    /// <summary>
    /// The Chromium extension's id, fixed by the "key" in extension/manifest.json (SHA-256 of the key, first 32 hex
    /// digits mapped 0-f → a-p). A test recomputes it from the manifest, so a new key cannot silently lock the extension out.
    /// </summary>
    public const string DefaultExtensionId = "ajghgehgklbhocdpbjaaopohgmbfmgaj";

    /// <summary>1 MiB: settings, notes and hub messages are tiny; only snapshot ingest takes large bodies (its own limit).</summary>
    public const long DefaultMaxRequestBodyBytes = 1024L * 1024;

    /// <summary>Set by <c>run --allow-non-loopback</c>; then IP-literal Host headers are accepted too (names still must be localhost).</summary>
    public const string AllowNonLoopbackKey = "ReceiptGuard:AllowNonLoopback";

    /// <summary>
    /// Chromium extension ids whose <c>chrome-extension://ID</c> origin may call the API (<c>ReceiptGuard:ExtensionIds</c>).
    /// Null means the default; an array in configuration replaces it.
    /// </summary>
    public string[]? ExtensionIds { get; set; }

    public IReadOnlyList<string> EffectiveExtensionIds => ExtensionIds is { Length: > 0 } ids ? ids : [DefaultExtensionId];

    /// <summary>Largest request body for every endpoint without its own limit (<c>ReceiptGuard:MaxRequestBodyBytes</c>).</summary>
    [Range(1, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>Deepest JSON nesting a request may have (<c>ReceiptGuard:MaxJsonDepth</c>); System.Text.Json's own default.</summary>
    [Range(1, 1000)]
    public int MaxJsonDepth { get; set; } = 64;

    public bool AllowNonLoopback { get; set; }

    public RateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>
/// A token bucket per client (<c>ReceiptGuard:RateLimit</c>). Generous: the extension sends a few requests a second
/// at most, and a 200-client load test must never see a 429; it exists to stop a runaway loop or a flood.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Burst: requests a client may make at once.</summary>
    [Range(1, int.MaxValue)]
    public int TokenLimit { get; set; } = 2000;

    /// <summary>Tokens added back each <see cref="ReplenishmentPeriod"/>.</summary>
    [Range(1, int.MaxValue)]
    public int TokensPerPeriod { get; set; } = 1000;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
