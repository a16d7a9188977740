using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ReceiptGuard.Host.Security;

/// <summary>
/// Who may talk to the host at all, before any endpoint runs: the Host header must name this machine (DNS rebinding),
/// and a browser request must come from the host's own UI or a trusted extension (every other web page).
/// </summary>
public sealed class CallerChecks(RequestDelegate next, CallerOrigins origins, IOptions<SecurityOptions> options)
{
    private readonly bool _allowIpLiterals = options.Value.AllowNonLoopback;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsAllowedHost(request.Host, _allowIpLiterals))
        {
            await Refuse(context, StatusCodes.Status421MisdirectedRequest, "Misdirected request",
                $"This host only answers requests addressed to localhost, 127.0.0.1 or [::1], not '{Truncate(request.Host.Value)}'. " +
                "A web page that resolved its own name to this machine (DNS rebinding) gets nothing here.");
            return;
        }

        var origin = request.Headers.Origin;
        if (origin.Count > 0)
        {
            // Browsers send exactly one Origin; "null" (sandboxed frames, file:) matches nothing.
            if (origin.Count != 1 || !(origins.IsAllowed(origin.ToString(), request) || IsPairingClaim(request, origin.ToString())))
            {
                await Refuse(context, StatusCodes.Status403Forbidden, "Origin not allowed",
                    $"Requests from '{Truncate(origin.ToString())}' are refused: only the ReceiptGuard extension and this host's own pages may call it.");
                return;
            }
        }
        else if (IsCrossSiteWithoutOrigin(request))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "Cross-site request refused",
                "A web page made the browser send this request (Sec-Fetch-Site: " + request.Headers["Sec-Fetch-Site"] + "); " +
                "only the ReceiptGuard extension and this host's own pages may call it.");
            return;
        }

        await next(context);
    }

    /// <summary>
    /// An extension not trusted yet may ask to pair: Firefox gives each install a random moz-extension:// origin, known
    /// only once it pairs. The one-time code from the host's own UI is what lets it in; no web origin gets this far.
    /// </summary>
    private static bool IsPairingClaim(HttpRequest request, string origin) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.Equals("/api/pairing/claim", StringComparison.OrdinalIgnoreCase)
        && ExtensionOriginRegistry.IsExtensionOrigin(origin);

    /// <summary>
    /// "localhost", 127.0.0.0/8 and [::1], any port. Not "*.localhost": browsers map it to loopback, but other
    /// resolvers may ask DNS, and the host never gives out such a name, so nothing legitimate uses it.
    /// With <c>--allow-non-loopback</c> any IP literal too: rebinding needs a name, and an IP the browser connected to is this machine.
    /// </summary>
    public static bool IsAllowedHost(HostString host, bool allowIpLiterals = false)
    {
        if (!host.HasValue)
        {
            return false;
        }

        var name = host.Host;
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // HostString.Host keeps IPv6 brackets; a bare IPv6 without brackets is not a valid Host header.
        var literal = name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name;
        if (!IPAddress.TryParse(literal, out var address) || (name.Contains(':') && !name.StartsWith('[')))
        {
            return false;
        }

        // IPAddress.TryParse also takes "127.1" and "2130706433"; only dotted quads and bracketed IPv6 are addresses here.
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && literal.Count(c => c == '.') != 3)
        {
            return false;
        }

        return allowIpLiterals || IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    /// <summary>
    /// No Origin: a non-browser client (curl, the CLI, tests), or a browser request a page caused without CORS — an
    /// &lt;img&gt;, a no-cors GET, a link — which Sec-Fetch-Site gives away. Such a GET to /api/export would log an
    /// export, so it is refused. A top-level navigation to a UI page (a link to the review UI) still works; those pages
    /// change nothing and cannot be framed.
    /// </summary>
    private static bool IsCrossSiteWithoutOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is not ("cross-site" or "same-site"))
        {
            return false;
        }

        var isUiNavigation = HttpMethods.IsGet(request.Method)
            && request.Headers["Sec-Fetch-Mode"] == "navigate"
            && request.Headers["Sec-Fetch-Dest"] == "document"
            && !request.Path.StartsWithSegments("/api")
            && !request.Path.StartsWithSegments("/hubs");
        return !isUiNavigation;
    }

    private static Task Refuse(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);

    private static string Truncate(string? value) => value is null ? "" : value.Length <= 100 ? value : value[..100] + "…";
}
