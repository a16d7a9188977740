using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using ReceiptGuard.Host.Http;
using ReceiptGuard.Host.Live;
using ReceiptGuard.Host.Parsing.Ingest;
using ReceiptGuard.Host.Storage;

using ReceiptGuard.Host.Evidence.Timestamping;

namespace ReceiptGuard.Host.Capture;

/// <summary>Snapshot ingest and read-back: <c>/api/snapshots</c>.</summary>
public static class CaptureEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>
    /// Captured pages are someone else's HTML: shown only in a sandbox, with no script, no network and no way to
    /// frame anything but our own UI.
    /// </summary>
    public const string CapturedPagePolicy =
        "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>Screenshots and embedded data are served as data: never rendered as a document, never sniffed.</summary>
    public const string EvidenceFilePolicy = "sandbox; default-src 'none'; frame-ancestors 'self'";

    public static IServiceCollection AddCapture(this IServiceCollection services)
    {
        services.AddOptions<CaptureOptions>().BindConfiguration(CaptureOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ArtifactStore>();
        services.AddSingleton<SnapshotStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapCapture(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<CaptureOptions>>().Value;
        var api = endpoints.MapGroup("/api/snapshots");
        // Only this endpoint takes large bodies; everything else keeps the server's default limit.
        api.MapPost("/", PostAsync).WithMetadata(new SnapshotBodyLimit(options.MaxSnapshotBytes));
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapGet("/{id:guid}/html", GetHtmlAsync);
        api.MapGet("/{id:guid}/screenshot", GetScreenshotAsync);
        api.MapGet("/{id:guid}/embedded", GetEmbeddedDataAsync);
        return endpoints;
    }

    private static async Task<Results<Created<SnapshotSummary>, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpRequest request,
        SnapshotStore store,
        ParseRequests parseRequests,
        TimestampNudges timestamps,
        IngestActivity ingestActivity,
        IHubContext<GuardHub, IGuardClient> hub,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        IOptions<CaptureOptions> options,
        CancellationToken cancellationToken)
    {
        var body = await JsonRequest.ReadAsync<SnapshotPayloadJson>(request, json.Value.SerializerOptions, "snapshot", cancellationToken);
        if (body.Refused is not null)
        {
            return body.Refused;
        }

        if (!body.IsRead)
        {
            return body.Invalid!;
        }

        if (SnapshotPayloadValidator.FindOversized(body.Value, options.Value) is { } oversized)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "A part of the snapshot is too large",
                detail: $"'{oversized.Field}' {oversized.Message} Nothing was stored.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [oversized.Field] = [oversized.Message] } });
        }

        var (payload, errors) = SnapshotPayloadValidator.Validate(body.Value);
        if (payload is null)
        {
            return TypedResults.ValidationProblem(
                errors,
                title: "The snapshot is incomplete or invalid",
                detail: $"Check {string.Join(", ", errors.Keys.Select(k => $"'{k}'"))}: nothing was stored.");
        }

        ingestActivity.SnapshotArrived();
        var result = await store.IngestAsync(payload, cancellationToken: cancellationToken);
        switch (result.Outcome)
        {
            case IngestOutcome.Created:
                await hub.Clients.All.SnapshotStored(result.Snapshot);
                // Parsed off the request path; the answer does not wait for it.
                parseRequests.Enqueue(result.Snapshot.Id);
                timestamps.Nudge();
                break;
            case IngestOutcome.Conflict:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Snapshot id already used",
                    detail: $"A different snapshot is already stored under id {payload.Id}; a retry must resend the same content. Nothing was stored.");
        }

        // A retry (Duplicate) gets exactly the first answer, so a sender that lost the response can safely resend.
        return TypedResults.Created($"/api/snapshots/{result.Snapshot.Id:D}", result.Snapshot);
    }

    private static async Task<Results<Ok<SnapshotPage>, ValidationProblem>> ListAsync(
        SnapshotStore store, CancellationToken cancellationToken, int limit = DefaultPageSize, int offset = 0)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"must be between 1 and {MaxPageSize}."];
        }

        if (offset < 0)
        {
            errors["offset"] = ["must be 0 or more."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid paging");
        }

        return TypedResults.Ok(await store.ListAsync(limit, offset, cancellationToken));
    }

    private static async Task<Results<Ok<SnapshotSummary>, ProblemHttpResult>> GetAsync(
        Guid id, SnapshotStore store, ParseResultStore parseResults, CancellationToken cancellationToken)
    {
        var snapshot = await store.GetAsync(id, cancellationToken);
        return snapshot is null
            ? NotFound(id)
            : TypedResults.Ok(snapshot with { Parse = await parseResults.GetStatusAsync(id, cancellationToken) });
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetHtmlAsync(
        Guid id, HttpContext context, SnapshotStore store, ArtifactStore artifacts, CancellationToken cancellationToken)
    {
        var snapshot = await store.GetAsync(id, cancellationToken);
        if (snapshot is null)
        {
            return NotFound(id);
        }

        var stream = artifacts.OpenRead(snapshot.HtmlSha256);
        if (stream is null)
        {
            return MissingFile(id, "page", snapshot.HtmlSha256);
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = CapturedPagePolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = "private, max-age=31536000, immutable";
        return TypedResults.Stream(stream, "text/html; charset=utf-8");
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetScreenshotAsync(
        Guid id, HttpContext context, SnapshotStore store, ArtifactStore artifacts, CancellationToken cancellationToken)
    {
        var stored = await store.GetWithScreenshotAsync(id, cancellationToken);
        if (stored is not { } found)
        {
            return NotFound(id);
        }

        if (found.Screenshot is not { } screenshot)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No screenshot",
                detail: found.Summary.ScreenshotError is { } reason
                    ? $"Snapshot {id} has no screenshot: {reason}"
                    : $"Snapshot {id} has no screenshot.");
        }

        return ServeEvidence(context, artifacts, screenshot.Sha256, screenshot.MediaType, id, "screenshot");
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetEmbeddedDataAsync(
        Guid id, HttpContext context, SnapshotStore store, ArtifactStore artifacts, CancellationToken cancellationToken)
    {
        var snapshot = await store.GetAsync(id, cancellationToken);
        if (snapshot is null)
        {
            return NotFound(id);
        }

        if (snapshot.EmbeddedDataSha256 is not { } sha256)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No embedded data",
                detail: $"Snapshot {id} was captured without embedded data scripts.");
        }

        return ServeEvidence(context, artifacts, sha256, "application/json; charset=utf-8", id, "embedded data");
    }

    private static Results<FileStreamHttpResult, ProblemHttpResult> ServeEvidence(
        HttpContext context, ArtifactStore artifacts, string sha256, string contentType, Guid id, string what)
    {
        var stream = artifacts.OpenRead(sha256);
        if (stream is null)
        {
            return MissingFile(id, what, sha256);
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = EvidenceFilePolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        // Content-addressed: the bytes behind this snapshot never change.
        headers.CacheControl = "private, max-age=31536000, immutable";
        return TypedResults.Stream(stream, contentType);
    }

    private static ProblemHttpResult MissingFile(Guid id, string what, string sha256) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Evidence file missing",
            detail: $"The {what} of snapshot {id} (sha256 {sha256}) is not in the data folder.");

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such snapshot", detail: $"No snapshot with id {id} is stored.");
}
