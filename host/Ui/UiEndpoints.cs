using Microsoft.AspNetCore.Http.HttpResults;

namespace ReceiptGuard.Host.Ui;

/// <summary>The review UI: a few static pages whose script talks to the API and the hub.</summary>
public static class UiEndpoints
{
    /// <summary>Only our own script and styles, and no frames: the one page that frames anything says exactly what.</summary>
    public const string UiPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// The snapshot viewer frames that snapshot's stored page and nothing else. A link clicked inside the sandboxed
    /// page would otherwise replace the frame with any URL of ours (a relative link resolves against the host), so the
    /// frame may only ever hold this one document: every other navigation of it is refused by the browser.
    /// </summary>
    public static string SnapshotViewerPolicy(HttpRequest request, Guid id) =>
        UiPolicy.Replace("frame-src 'none'", $"frame-src {request.Scheme}://{request.Host.Value}/api/snapshots/{id:D}/html", StringComparison.Ordinal);
    public static IServiceCollection AddUi(this IServiceCollection services) => services.AddSingleton<UiAssets>();

    public static IEndpointRouteBuilder MapUi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context, UiAssets assets) => Serve(context, assets, "index.html")).AllowAnonymous();
        endpoints.MapGet("/snapshots/{id:guid}", (Guid id, HttpContext context, UiAssets assets) =>
            Serve(context, assets, "snapshot.html", SnapshotViewerPolicy(context.Request, id))).AllowAnonymous();
        endpoints.MapGet("/orders", (HttpContext context, UiAssets assets) => Serve(context, assets, "orders.html")).AllowAnonymous();
        endpoints.MapGet("/orders/{orderId}", (HttpContext context, UiAssets assets) => Serve(context, assets, "order.html")).AllowAnonymous();
        endpoints.MapGet("/guide", (HttpContext context, UiAssets assets) => Serve(context, assets, "guide.html")).AllowAnonymous();
        endpoints.MapGet("/report", (HttpContext context, UiAssets assets) => Serve(context, assets, "report.html")).AllowAnonymous();
        endpoints.MapGet("/settings", (HttpContext context, UiAssets assets) => Serve(context, assets, "settings.html")).AllowAnonymous();
        endpoints.MapGet("/stats", (HttpContext context, UiAssets assets) => Serve(context, assets, "stats.html")).AllowAnonymous();
        endpoints.MapGet("/assets/{*path}", (string path, HttpContext context, UiAssets assets) => Serve(context, assets, "assets/" + path)).AllowAnonymous();
        return endpoints;
    }

    private static Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult> Serve(HttpContext context, UiAssets assets, string path, string policy = UiPolicy)
    {
        var asset = assets.Find(path);
        if (asset is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"The UI has no file '{path}'.");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            // The page's own API calls and hub link authenticate with this cookie (see host/Pairing); also on a 304.
            Pairing.UiSession.Issue(context);
        }

        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.File(asset.Content, asset.ContentType);
    }
}
