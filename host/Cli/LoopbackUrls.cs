using System.Net;

namespace ReceiptGuard.Host.Cli;

/// <summary>The host holds people's orders: it must never listen beyond this machine.</summary>
public static class LoopbackUrls
{
    /// <returns>null when every URL binds to a loopback address; otherwise a message naming the first one that does not.</returns>
    public static string? FindNonLoopback(string urls)
    {
        foreach (var raw in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(raw.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                return $"'{raw}' is not a URL.";
            }

            var host = uri.Host.Trim('[', ']');
            var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                return $"'{raw}' is not a loopback address; the host only listens on 127.0.0.1, [::1] or localhost.";
            }
        }

        return null;
    }
}
