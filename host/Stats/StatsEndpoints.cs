using Microsoft.AspNetCore.Http.HttpResults;

namespace ReceiptGuard.Host.Stats;

/// <summary><c>GET /api/stats</c>: held clicks and how they ended, manual captures apart, by UTC month and platform.</summary>
public static class StatsEndpoints
{
    public static IServiceCollection AddStats(this IServiceCollection services) => services.AddSingleton<StatsStore>();

    public static IEndpointRouteBuilder MapStats(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/stats", GetAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<StatsReport>, ValidationProblem>> GetAsync(
        StatsStore store, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        var (query, errors) = StatsQuery.Parse(from, to);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid stats filter");
        }

        return TypedResults.Ok(await store.CountAsync(query, cancellationToken));
    }
}
