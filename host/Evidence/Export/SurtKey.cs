using System.Text;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>
/// The Sort-friendly URI Reordering Transform that CDXJ indexes are keyed and sorted by:
/// <c>https://www.Taobao.com/a?b=2&amp;a=1</c> → <c>com,taobao)/a?a=1&amp;b=2</c>. Not http(s): the URI lower-cased.
/// </summary>
internal static class SurtKey
{
    public static string Of(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return url.ToLowerInvariant();
        }

        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var key = new StringBuilder(string.Join(',', host.Split('.').Reverse()));
        if (!uri.IsDefaultPort)
        {
            key.Append(':').Append(uri.Port);
        }

        key.Append(')').Append(uri.AbsolutePath.ToLowerInvariant());
        if (uri.Query.Length > 1)
        {
            var parameters = uri.Query[1..].Split('&').Order(StringComparer.Ordinal);
            key.Append('?').Append(string.Join('&', parameters).ToLowerInvariant());
        }

        return key.ToString();
    }
}
