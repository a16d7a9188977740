using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ReceiptGuard.Host.Pairing;

/// <summary>
/// Who is calling: a paired extension (<c>Authorization: Bearer &lt;token&gt;</c>; on <c>/hubs/*</c> also
/// <c>?access_token=</c>, because browsers cannot put headers on a WebSocket) or the host's own review UI (the session
/// cookie it got with a UI page; SameSite=Strict, so no other site's page can send it). Anyone else is anonymous, and
/// the fallback authorization policy answers them 401 problem+json.
/// </summary>
public sealed class PairingAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PairingStore store,
    PairingSecret secret)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ReceiptGuard";
    public const string ViaClaim = "receiptguard:via";
    public const string ClientClaim = "receiptguard:client";
    public const string OriginClaim = "receiptguard:origin";
    public const string ViaToken = "token";
    public const string ViaUi = "ui";

    /// <summary>Per port: cookies ignore the port, and two hosts on one machine must not overwrite each other's.</summary>
    public static string CookieName(HttpRequest request) => $"receiptguard-ui-{request.Host.Port ?? 80}";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken();
        if (token is not null)
        {
            var client = await store.AuthenticateAsync(token, Context.RequestAborted);
            if (client is not { } found)
            {
                return AuthenticateResult.Fail("The pairing token is not valid: this extension was revoked, or the host's data was reset. Pair it again.");
            }

            Claim[] claims =
            [
                new(ViaClaim, ViaToken),
                new(ClientClaim, found.Id.ToString("D")),
                new(ClaimTypes.Name, found.Name),
                new(OriginClaim, found.Origin ?? ""),
            ];
            return Success(claims);
        }

        if (Request.Cookies.TryGetValue(CookieName(Request), out var session) &&
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(session), Encoding.ASCII.GetBytes(secret.UiSessionValue)))
        {
            return Success([new(ViaClaim, ViaUi), new(ClaimTypes.Name, "review UI")]);
        }

        return AuthenticateResult.NoResult();
    }

    private static AuthenticateResult Success(Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    private string? BearerToken()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        // Only the hub: a token in a URL ends up in logs and histories, so nowhere it is not needed.
        if (Request.Path.StartsWithSegments("/hubs") && Request.Query.TryGetValue("access_token", out var query) && query.Count == 1)
        {
            return query[0];
        }

        return null;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = result.Failure?.Message ??
            "This host answers only the paired ReceiptGuard extension and its own review UI. Pair the extension on the host's Settings page.";
        await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not paired", detail: detail).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Review UI only", detail: "Only the host's own review UI may do this.").ExecuteAsync(Context);
}

public static class UiSession
{
    /// <summary>Gives the browser the UI's session cookie with a UI page; the page's own fetches then carry it.</summary>
    public static void Issue(HttpContext context)
    {
        var secret = context.RequestServices.GetRequiredService<PairingSecret>();
        var name = PairingAuthenticationHandler.CookieName(context.Request);
        if (context.Request.Cookies.TryGetValue(name, out var current) && current == secret.UiSessionValue)
        {
            return;
        }

        context.Response.Cookies.Append(name, secret.UiSessionValue, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            // Loopback is plain HTTP: a Secure cookie would never be sent back.
            Secure = false,
            IsEssential = true,
        });
    }
}
