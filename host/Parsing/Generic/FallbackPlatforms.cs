namespace ReceiptGuard.Host.Parsing.Generic;

/// <summary>
/// Shops the extension guards without a platform parser here: the generic parser still reports their platform id,
/// so results group with the extension's records.
/// </summary>
public static class FallbackPlatforms
{
    private static readonly (string Domain, string Platform)[] Domains =
    [
        ("vip.com", "vipshop"), ("dangdang.com", "dangdang"), ("suning.com", "suning"), ("1688.com", "1688"), ("goofish.com", "xianyu"),
    ];

    public static string For(Uri url)
    {
        var host = url.IsAbsoluteUri ? url.Host.ToLowerInvariant() : "";
        foreach (var (domain, platform) in Domains)
        {
            if (host == domain || host.EndsWith("." + domain, StringComparison.Ordinal))
            {
                return platform;
            }
        }

        return "generic";
    }
}
