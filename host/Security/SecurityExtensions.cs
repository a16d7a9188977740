using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ReceiptGuard.Host.Security;

/// <summary>
/// Caller checks (Host header, Origin, Sec-Fetch-Site, CORS), security headers and request limits (body size, JSON
/// depth, rate). Pairing plugs in after these: it adds origins through <see cref="ExtensionOriginRegistry"/> (or its
/// own <see cref="ITrustedOriginSource"/>) and checks the credential in its own middleware after <see cref="UseSecurity"/>.
/// </summary>
public static class SecurityExtensions
{
    /// <summary>What the extension and the UI send: JSON, the pairing credential, and the SignalR client's own headers.</summary>
    private static readonly string[] AllowedHeaders = ["Content-Type", "Accept", "Authorization", "X-Requested-With", "X-SignalR-User-Agent"];

    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConfiguredExtensionOrigins>();
        services.AddSingleton<ExtensionOriginRegistry>();
        services.AddSingleton<ITrustedOriginSource>(provider => provider.GetRequiredService<ConfiguredExtensionOrigins>());
        services.AddSingleton<ITrustedOriginSource>(provider => provider.GetRequiredService<ExtensionOriginRegistry>());
        services.AddSingleton<CallerOrigins>();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<CallerOrigins>((cors, origins) => cors.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(origins.IsTrustedExtension)
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders(AllowedHeaders)
            .WithExposedHeaders("Location", "Retry-After")
            // The SignalR client sends credentials by default; the origins are exact, never a wildcard.
            .AllowCredentials()));

        // Deeper JSON than this is refused by the reader with a message JsonRequest turns into a 400.
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<IOptions<SecurityOptions>>((json, security) =>
            json.SerializerOptions.MaxDepth = security.Value.MaxJsonDepth);

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((limiter, security) =>
        {
            var rate = security.Value.RateLimit;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = rate.TokenLimit,
                    TokensPerPeriod = rate.TokensPerPeriod,
                    ReplenishmentPeriod = rate.ReplenishmentPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<CallerChecks>();
        // After the caller checks: a refused origin never gets CORS headers, not even on a preflight.
        app.UseCors();
        app.UseRateLimiter();
        app.UseRouting();
        app.UseMiddleware<BodyLimit>();
        return app;
    }

    /// <summary>
    /// Per client: the pairing credential when sent, else the calling origin, else the remote address. A web page
    /// cannot pick its own key: it cannot send Authorization without a preflight, which it does not pass.
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers.Authorization is { Count: > 0 } authorization)
        {
            return "auth:" + authorization;
        }

        return headers.Origin is { Count: > 0 } origin ? "origin:" + origin : "ip:" + context.Connection.RemoteIpAddress;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"This client sent more requests than the host's rate limit allows; retry after {seconds} s. Nothing was stored.")
            .ExecuteAsync(context);
    }
}
