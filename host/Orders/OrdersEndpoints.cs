using Microsoft.AspNetCore.Http.HttpResults;

namespace ReceiptGuard.Host.Orders;

/// <summary><c>GET /api/orders</c> (one row per order across its snapshots) and <c>GET /api/orders/{orderId}</c> (its parsed fields and timeline).</summary>
public static class OrdersEndpoints
{
    public static IServiceCollection AddOrders(this IServiceCollection services) => services.AddSingleton<OrderStore>();

    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/orders", ListAsync);
        endpoints.MapGet("/api/orders/{orderId}", GetAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<OrderPage>, ValidationProblem>> ListAsync(
        OrderStore store, CancellationToken cancellationToken,
        string? q = null, string? platform = null, string? decision = null, string? status = null,
        string? from = null, string? to = null, string? limit = null, string? offset = null)
    {
        var (query, errors) = OrderQuery.Parse(q, platform, decision, status, from, to, limit, offset);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid order filter");
        }

        return TypedResults.Ok(await store.ListAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<OrderDetailResponse>, ProblemHttpResult>> GetAsync(string orderId, OrderStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(orderId, cancellationToken) is not { } detail)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such order",
                detail: $"No snapshot of order {orderId} is stored.");
        }

        return TypedResults.Ok(OrderDetailResponse.From(detail));
    }
}

/// <summary>The order detail as JSON: the summary's fields at the top level, then the parsed order and the timeline.</summary>
public sealed record OrderDetailResponse(
    string OrderId,
    string Platform,
    string? Shop,
    IReadOnlyList<string> Items,
    string? Total,
    string? Currency,
    string? Status,
    string LastDecision,
    int SnapshotCount,
    DateTimeOffset FirstCapturedAt,
    DateTimeOffset LastCapturedAt,
    LatestParse? Parsed,
    IReadOnlyList<TimelineEntry> Timeline)
{
    public static OrderDetailResponse From(OrderDetail detail)
    {
        var s = detail.Summary;
        return new(s.OrderId, s.Platform, s.Shop, s.Items, s.Total, s.Currency, s.Status, s.LastDecision, s.SnapshotCount,
            s.FirstCapturedAt, s.LastCapturedAt, detail.Parsed, detail.Timeline);
    }
}
