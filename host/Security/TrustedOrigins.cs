using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ReceiptGuard.Host.Security;

/// <summary>
/// A source of extension origins allowed to call the host. The configured Chromium ids are one; the
/// <see cref="ExtensionOriginRegistry"/> (filled at pairing, e.g. Firefox's per-install <c>moz-extension://UUID</c>)
/// is another. Pairing may also register its own source backed by its store.
/// </summary>
public interface ITrustedOriginSource
{
    bool Trusts(string origin);
}

/// <summary><c>chrome-extension://ID</c> for each id in <c>ReceiptGuard:ExtensionIds</c>.</summary>
public sealed class ConfiguredExtensionOrigins(IOptions<SecurityOptions> options) : ITrustedOriginSource
{
    private readonly HashSet<string> _origins = options.Value.EffectiveExtensionIds
        .Select(id => $"chrome-extension://{id}")
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public bool Trusts(string origin) => _origins.Contains(origin);
}

/// <summary>
/// Origins added while the host runs. Firefox gives every install a random <c>moz-extension://UUID</c>, so it can
/// only be known when that install pairs: pairing calls <see cref="Add"/> (and again at start-up for stored pairings)
/// and <see cref="Remove"/> on revoke.
/// </summary>
public sealed class ExtensionOriginRegistry : ITrustedOriginSource
{
    private readonly ConcurrentDictionary<string, byte> _origins = new(StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">not an extension origin (scheme://id, nothing else).</exception>
    public void Add(string origin)
    {
        if (!IsExtensionOrigin(origin))
        {
            throw new ArgumentException($"'{origin}' is not an extension origin (chrome-extension://ID or moz-extension://UUID).", nameof(origin));
        }

        _origins.TryAdd(origin, 0);
    }

    public bool Remove(string origin) => _origins.TryRemove(origin, out _);

    public bool Trusts(string origin) => _origins.ContainsKey(origin);

    /// <summary>Only extension schemes: a web origin must never be made trusted through this door.</summary>
    public static bool IsExtensionOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme is "chrome-extension" or "moz-extension"
        && uri.Host.Length > 0
        && uri.IsDefaultPort
        && uri.AbsolutePath == "/"
        && origin.Equals($"{uri.Scheme}://{uri.Host}", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Which browser origins may call the host: its own UI (as requested) and the trusted extensions.</summary>
public sealed class CallerOrigins(IEnumerable<ITrustedOriginSource> sources)
{
    private readonly ITrustedOriginSource[] _sources = sources.ToArray();

    /// <summary>For CORS: the extensions only (the host's own pages are same-origin and need no CORS).</summary>
    public bool IsTrustedExtension(string origin) => _sources.Any(source => source.Trusts(origin));

    /// <summary>
    /// The host's own origin is the one the request was made to; the Host header has already been checked to be a
    /// loopback name, so a page elsewhere (another port, another name) cannot match it.
    /// </summary>
    public bool IsAllowed(string origin, HttpRequest request) =>
        origin.Equals($"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase) || IsTrustedExtension(origin);
}
