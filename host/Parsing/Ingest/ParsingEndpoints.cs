using Microsoft.AspNetCore.Http.HttpResults;
using ReceiptGuard.Host.Capture;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Parsing.Ingest;

/// <summary>Parsing on ingest (a queue and a background worker) and <c>GET /api/snapshots/{id}/parsed</c>.</summary>
public static class ParsingEndpoints
{
    public static IServiceCollection AddParsing(this IServiceCollection services)
    {
        services.AddSingleton<ParseRequests>();
        services.AddSingleton<IngestActivity>();
        services.AddSingleton<ParseResultStore>();
        services.AddSingleton<SnapshotParsing>();
        services.AddHostedService<ParseWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapParsing(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/snapshots/{id:guid}/parsed", GetParsedAsync);
        return endpoints;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetParsedAsync(
        Guid id, HttpContext context, SnapshotStore snapshots, ParseResultStore results, ArtifactStore artifacts, CancellationToken cancellationToken)
    {
        if (await snapshots.GetAsync(id, cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such snapshot", detail: $"No snapshot with id {id} is stored.");
        }

        var status = await results.GetStatusAsync(id, cancellationToken);
        var sha256 = await results.FindResultArtifactAsync(id, cancellationToken);
        var stream = sha256 is null ? null : artifacts.OpenRead(sha256);
        if (stream is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: status.Status == ParseState.Failed ? "Parsing failed" : "Not parsed yet",
                detail: status.Status == ParseState.Failed
                    ? $"Snapshot {id} could not be parsed: {status.Error}. The snapshot itself is stored unchanged; 'reparse' tries again."
                    : $"Snapshot {id} is stored but not parsed yet; parsing runs in the background. Try again shortly, or listen for SnapshotParsed.");
        }

        // The same snapshot may be reparsed: the URL's content can change, so no long caching.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(stream, "application/json; charset=utf-8");
    }
}
