using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using ReceiptGuard.Host.Live;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Pairing;

public sealed record PairingClaim(string? Code, string? Name);

public sealed record PairingGranted(Guid ClientId, string Token);

public static class PairingEndpoints
{
    /// <summary>Pairing itself (codes, the list of clients, revoking) is the review UI's business, not an extension's.</summary>
    public const string UiOnly = "ui-only";

    public const int MaxNameLength = 100;

    public static IServiceCollection AddPairing(this IServiceCollection services)
    {
        services.AddSingleton(provider => PairingSecret.LoadOrCreate(provider.GetRequiredService<DataDirectory>().KeysRoot));
        services.AddSingleton<PairingStore>();
        services.AddSingleton<PairingCodes>();
        services.AddSingleton<PairedConnections>();
        services.AddHostedService<PairingStartup>();
        services.AddAuthentication(PairingAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, PairingAuthenticationHandler>(PairingAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            // Closed by default: an endpoint added later needs a paired caller unless it says AllowAnonymous.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(PairingAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(UiOnly, policy => policy.AddAuthenticationSchemes(PairingAuthenticationHandler.SchemeName)
                .RequireClaim(PairingAuthenticationHandler.ViaClaim, PairingAuthenticationHandler.ViaUi));
        return services;
    }

    public static IEndpointRouteBuilder MapPairing(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/pairing/claim", ClaimAsync).AllowAnonymous();
        var ui = endpoints.MapGroup("/api/pairing").RequireAuthorization(UiOnly);
        ui.MapPost("/codes", (PairingCodes codes) => TypedResults.Created((string?)null, codes.Create()));
        ui.MapGet("/clients", async (PairingStore store, CancellationToken cancellationToken) => TypedResults.Ok(await store.ListAsync(cancellationToken)));
        ui.MapDelete("/clients/{id:guid}", RevokeAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<PairingGranted>, ProblemHttpResult>> ClaimAsync(
        PairingClaim? claim, HttpRequest request, PairingCodes codes, PairingStore store, IHubContext<GuardHub, IGuardClient> hub, CancellationToken cancellationToken)
    {
        var name = claim?.Name?.Trim();
        if (string.IsNullOrEmpty(claim?.Code) || string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a pairing request",
                detail: $"Send {{\"code\": the code the host's Settings page shows, \"name\": this extension's name (1 to {MaxNameLength} characters)}}.");
        }

        var (status, detail) = codes.Claim(claim.Code) switch
        {
            CodeCheck.Accepted => (0, ""),
            CodeCheck.Expired => (StatusCodes.Status400BadRequest, "This pairing code has expired (codes last 5 minutes). Make a new one on the host's Settings page."),
            CodeCheck.Used => (StatusCodes.Status400BadRequest, "This pairing code was already used. Make a new one on the host's Settings page."),
            CodeCheck.Burned => (StatusCodes.Status400BadRequest, "Too many wrong pairing codes were tried, so the code was cancelled. Make a new one on the host's Settings page."),
            _ => (StatusCodes.Status400BadRequest, "This is not the pairing code the host's Settings page shows. Check it and try again."),
        };
        if (status != 0)
        {
            return TypedResults.Problem(statusCode: status, title: "Pairing code not accepted", detail: detail);
        }

        // Recorded so the host can later let exactly this extension's origin (e.g. a Firefox moz-extension://<uuid>) in.
        var origin = request.Headers.Origin.ToString();
        var pairing = await store.PairAsync(name, origin.Length == 0 ? null : origin, cancellationToken);
        await hub.Clients.All.PairingChanged();
        return TypedResults.Ok(new PairingGranted(pairing.Client.Id, pairing.Token));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, PairingStore store, PairedConnections connections, IHubContext<GuardHub, IGuardClient> hub, CancellationToken cancellationToken)
    {
        if (!await store.RevokeAsync(id, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such client", detail: $"No extension {id:D} was ever paired with this host.");
        }

        connections.Abort(id);
        await hub.Clients.All.PairingChanged();
        return TypedResults.NoContent();
    }
}
