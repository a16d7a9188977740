using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using ReceiptGuard.Host.Capture;
using ReceiptGuard.Host.Evidence.Custody;
using ReceiptGuard.Host.Evidence.Retention;
using ReceiptGuard.Host.Evidence.Signing;
using ReceiptGuard.Host.Evidence.Timestamping;
using ReceiptGuard.Host.Live;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Evidence;

public sealed record SigningKeyInfo(string Algorithm, string Fingerprint, string PublicKeyPem);

public sealed record SearchResults(string Query, IReadOnlyList<SnapshotSummary> Items);

public sealed record NoteRequest(string? Text);

/// <summary>
/// The evidence store's API: the signing key, search, notes, deletion, a snapshot's manifest and custody entries, and
/// the whole-store check.
/// </summary>
public static class EvidenceEndpoints
{
    private const int MaxSearchResults = 200;

    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddSingleton(provider => SigningKey.LoadOrCreate(provider.GetRequiredService<DataDirectory>().KeysRoot));
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<StoreVerifier>();
        services.AddSingleton<EvidenceExporter>();
        services.AddHostedService<EvidenceStartup>();
        services.AddSingleton<EvidenceSettingsStore>();
        services.AddSingleton<TimestampNudges>();
        services.AddHttpClient<TimestampClient>();
        services.AddHostedService<TimestampWorker>();
        services.AddRetention();
        return services;
    }

    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/evidence/key", (SigningKey key) => TypedResults.Ok(new SigningKeyInfo(SigningKey.Algorithm, key.Fingerprint, key.PublicKeyPem)));
        endpoints.MapGet("/api/evidence/verify", async (StoreVerifier verifier, CancellationToken cancellationToken) => TypedResults.Ok(await verifier.VerifyAsync(cancellationToken)));
        endpoints.MapGet("/api/search", SearchAsync);
        endpoints.MapGet("/api/export", ExportAsync);
        endpoints.MapGet("/api/evidence/settings", async (EvidenceSettingsStore store, CancellationToken cancellationToken) => TypedResults.Ok(await store.GetAsync(cancellationToken)));
        endpoints.MapPut("/api/evidence/settings", PutSettingsAsync);
        endpoints.MapGet("/api/evidence/data-folder", async (DataDirectory data, Database database, CancellationToken cancellationToken) =>
            TypedResults.Ok(await DataFolder.ReportAsync(data, database, cancellationToken)));
        endpoints.MapRetention();
        var snapshot = endpoints.MapGroup("/api/snapshots/{id:guid}");
        snapshot.MapDelete("/", DeleteAsync);
        snapshot.MapGet("/manifest", GetManifestAsync);
        snapshot.MapGet("/custody", GetCustodyAsync);
        snapshot.MapGet("/verify", VerifySnapshotAsync);
        snapshot.MapGet("/notes", GetNotesAsync);
        snapshot.MapPost("/notes", AddNoteAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(
        string? q, int? limit, EvidenceStore store, SnapshotStore snapshots, CancellationToken cancellationToken)
    {
        var query = q?.Trim() ?? "";
        var count = limit ?? 50;
        var errors = new Dictionary<string, string[]>();
        if (query.Length is 0 or > 200)
        {
            errors["q"] = ["must have 1 to 200 characters."];
        }

        if (count is < 1 or > MaxSearchResults)
        {
            errors["limit"] = [$"must be between 1 and {MaxSearchResults}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid search");
        }

        var ids = await store.SearchAsync(query, count, cancellationToken);
        return TypedResults.Ok(new SearchResults(query, await snapshots.GetManyAsync(ids, cancellationToken)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, EvidenceStore store, IHubContext<GuardHub, IGuardClient> hub, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(id, cancellationToken))
        {
            return NotFound(id);
        }

        await hub.Clients.All.SnapshotDeleted(id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetManifestAsync(
        Guid id, SnapshotStore snapshots, ArtifactStore artifacts, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetAsync(id, cancellationToken);
        if (snapshot?.ManifestSha256 is not { } sha256)
        {
            return snapshot is null
                ? NotFound(id)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No manifest yet", detail: $"Snapshot {id} gets its manifest when the host next starts.");
        }

        var bytes = await artifacts.ReadAllBytesAsync(sha256, cancellationToken);
        return bytes is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Manifest file missing", detail: $"The manifest of snapshot {id} (sha256 {sha256}) is not in the data folder; run `verify`.")
            : TypedResults.File(bytes, "application/json; charset=utf-8");
    }

    private static async Task<Results<Ok<IReadOnlyList<CustodyEntry>>, ProblemHttpResult>> GetCustodyAsync(
        Guid id, EvidenceStore store, CancellationToken cancellationToken)
    {
        var entries = await store.CustodyAsync([id], cancellationToken);
        return entries.Count == 0 ? NotFound(id) : TypedResults.Ok(entries);
    }

    private static async Task<Results<Ok<IReadOnlyList<SnapshotNote>>, ProblemHttpResult>> GetNotesAsync(
        Guid id, EvidenceStore store, SnapshotStore snapshots, CancellationToken cancellationToken) =>
        await snapshots.GetAsync(id, cancellationToken) is null ? NotFound(id) : TypedResults.Ok(await store.NotesAsync(id, cancellationToken));

    private static async Task<Results<Ok<SnapshotCheck>, ProblemHttpResult>> VerifySnapshotAsync(Guid id, StoreVerifier verifier, CancellationToken cancellationToken) =>
        await verifier.VerifySnapshotAsync(id, cancellationToken) is { } check ? TypedResults.Ok(check) : NotFound(id);

    private static async Task<Results<Created<SnapshotNote>, ValidationProblem, ProblemHttpResult>> AddNoteAsync(
        Guid id, NoteRequest? request, EvidenceStore store, CancellationToken cancellationToken)
    {
        var text = request?.Text?.Trim() ?? "";
        if (text.Length is 0 or > EvidenceStore.MaxNoteLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["text"] = [$"must have 1 to {EvidenceStore.MaxNoteLength} characters."] }, title: "Invalid note");
        }

        var note = await store.AddNoteAsync(id, text, cancellationToken);
        return note is null ? NotFound(id) : TypedResults.Created($"/api/snapshots/{id}/notes", note);
    }

    private static async Task<Results<Ok<EvidenceSettings>, ValidationProblem>> PutSettingsAsync(
        EvidenceSettings? settings, EvidenceSettingsStore store, TimestampNudges nudges, CancellationToken cancellationToken)
    {
        var url = settings?.TsaUrl?.Trim();
        if (EvidenceSettings.Validate(url) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tsaUrl"] = [problem] }, title: "Invalid evidence settings");
        }

        var saved = new EvidenceSettings(string.IsNullOrEmpty(url) ? null : url);
        await store.SaveAsync(saved, cancellationToken);
        // Snapshots stored without a TSA are timestamped now (the token's time is when it was asked, not the capture's).
        nudges.Nudge();
        return TypedResults.Ok(saved);
    }

    /// <summary>
    /// A bundle to download: <c>?order=ID</c>, <c>?snapshot=ID</c> or <c>?all=true</c>, and <c>format=zip|wacz</c>.
    /// Written to a temporary file first (it is hashed for the custody log), which goes when the download ends.
    /// </summary>
    private static async Task<Results<FileStreamHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string? order, Guid? snapshot, bool? all, string? format, EvidenceExporter exporter, DataDirectory data, CancellationToken cancellationToken)
    {
        var chosen = (string.IsNullOrWhiteSpace(order) ? 0 : 1) + (snapshot is null ? 0 : 1) + (all == true ? 1 : 0);
        BundleFormat? bundleFormat = (format ?? "zip").ToLowerInvariant() switch { "zip" => BundleFormat.Zip, "wacz" => BundleFormat.Wacz, _ => null };
        var errors = new Dictionary<string, string[]>();
        if (chosen != 1)
        {
            errors["selection"] = ["choose exactly one of order, snapshot, all=true."];
        }

        if (bundleFormat is null)
        {
            errors["format"] = ["must be zip or wacz."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid export");
        }

        var selection = new ExportSelection(string.IsNullOrWhiteSpace(order) ? null : order.Trim(), snapshot, all == true);
        var ids = await exporter.SelectAsync(selection, cancellationToken);
        if (ids.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing to export", detail: $"No stored snapshot matches {selection.Describe()}.");
        }

        Directory.CreateDirectory(Path.Combine(data.Root, "exports"));
        var temp = new FileStream(
            Path.Combine(data.Root, "exports", $"{Guid.NewGuid():N}.partial"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await exporter.WriteAsync(ids, selection, bundleFormat!.Value, temp, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            await temp.DisposeAsync();
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The store cannot vouch for this export", detail: exception.Message);
        }

        temp.Position = 0;
        var name = $"receiptguard-{(selection.OrderId ?? selection.SnapshotId?.ToString("N")[..8] ?? "all")}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.{(bundleFormat == BundleFormat.Wacz ? "wacz" : "zip")}";
        return TypedResults.File(temp, bundleFormat == BundleFormat.Wacz ? "application/wacz+zip" : "application/zip", fileDownloadName: SafeFileName(name));
    }

    private static string SafeFileName(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_'));

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such snapshot", detail: $"No snapshot with id {id} is stored.");
}
