using Microsoft.AspNetCore.Http.HttpResults;

namespace ReceiptGuard.Host.Ui;

/// <summary>The review UI: a few static pages whose script talks to the API and the hub.</summary>
public static class UiEndpoints
{
    /// <summary>Only our own script and styles; captured pages are framed from our own origin, inside their own sandbox.</summary>
    public const string UiPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    public static IServiceCollection AddUi(this IServiceCollection services) => services.AddSingleton<UiAssets>();

    public static IEndpointRouteBuilder MapUi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context, UiAssets assets) => Serve(context, assets, "index.html"));
        endpoints.MapGet("/snapshots/{id:guid}", (HttpContext context, UiAssets assets) => Serve(context, assets, "snapshot.html"));
        endpoints.MapGet("/orders", (HttpContext context, UiAssets assets) => Serve(context, assets, "orders.html"));
        endpoints.MapGet("/orders/{orderId}", (HttpContext context, UiAssets assets) => Serve(context, assets, "order.html"));
        endpoints.MapGet("/guide", (HttpContext context, UiAssets assets) => Serve(context, assets, "guide.html"));
        endpoints.MapGet("/report", (HttpContext context, UiAssets assets) => Serve(context, assets, "report.html"));
        endpoints.MapGet("/stats", (HttpContext context, UiAssets assets) => Serve(context, assets, "stats.html"));
        endpoints.MapGet("/assets/{*path}", (string path, HttpContext context, UiAssets assets) => Serve(context, assets, "assets/" + path));
        return endpoints;
    }

    private static Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult> Serve(HttpContext context, UiAssets assets, string path)
    {
        var asset = assets.Find(path);
        if (asset is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"The UI has no file '{path}'.");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = UiPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.File(asset.Content, asset.ContentType);
    }
}
