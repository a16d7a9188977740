using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReceiptGuard.Host.Evidence.Timestamping;
using ReceiptGuard.Host.Http;

namespace ReceiptGuard.Host.Evidence.Retention;

/// <summary>
/// <c>/api/evidence/retention</c>: how long snapshots are kept, what a limit would delete, and saving one (which
/// applies it at once, so what the preview said is what happens).
/// </summary>
public static class RetentionEndpoints
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddSingleton<RetentionSweeper>();
        // After EvidenceStartup (registered first): its orphan sweep needs the store to itself.
        services.AddHostedService<RetentionWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapRetention(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/evidence/retention");
        api.MapGet("/", async (EvidenceSettingsStore settings, CancellationToken cancellationToken) =>
            TypedResults.Ok(RetentionSettings.Of(await settings.GetRetentionDaysAsync(cancellationToken))));
        api.MapPut("/", PutAsync);
        api.MapGet("/preview", PreviewAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<RetentionPreview>, ValidationProblem>> PreviewAsync(
        string? days, RetentionSweeper sweeper, CancellationToken cancellationToken)
    {
        var (kept, problem) = RetentionRule.Read(days);
        return problem is not null
            ? Invalid(problem, "")
            : TypedResults.Ok(await sweeper.PreviewAsync(kept, cancellationToken));
    }

    private static async Task<Results<Ok<RetentionSaved>, ValidationProblem, ProblemHttpResult>> PutAsync(
        HttpRequest request,
        EvidenceSettingsStore settings,
        RetentionSweeper sweeper,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var body = await JsonRequest.ReadAsync<RetentionJson>(request, json.Value.SerializerOptions, "retention setting", cancellationToken);
        if (body.Refused is not null)
        {
            return body.Refused;
        }

        if (!body.IsRead)
        {
            return body.Invalid!;
        }

        var (days, problem) = RetentionRule.Read(body.Value.Days);
        if (problem is not null)
        {
            return Invalid(problem, " Nothing was changed.");
        }

        await settings.SaveRetentionDaysAsync(days, cancellationToken);
        var deleted = await sweeper.SweepAsync(cancellationToken);
        return TypedResults.Ok(new RetentionSaved(days, RetentionRule.MinDays, RetentionRule.MaxDays, deleted));
    }

    private static ValidationProblem Invalid(string problem, string outcome) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [RetentionRule.Field] = [problem] },
            title: "Invalid retention setting",
            detail: $"'{RetentionRule.Field}' {problem}{outcome}");
}
