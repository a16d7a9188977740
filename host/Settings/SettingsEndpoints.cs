using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using ReceiptGuard.Host.Http;
using ReceiptGuard.Host.Live;

namespace ReceiptGuard.Host.Settings;

/// <summary><c>/api/settings</c>: what the extension's capture should do; a change is pushed to every hub client.</summary>
public static class SettingsEndpoints
{
    public static IServiceCollection AddSettings(this IServiceCollection services) => services.AddSingleton<SettingsStore>();

    public static IEndpointRouteBuilder MapSettings(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/settings");
        api.MapGet("/", GetAsync);
        api.MapPut("/", PutAsync);
        return endpoints;
    }

    private static async Task<Ok<HostSettings>> GetAsync(SettingsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetAsync(cancellationToken));

    private static async Task<Results<Ok<HostSettings>, ValidationProblem, ProblemHttpResult>> PutAsync(
        HttpRequest request,
        SettingsStore store,
        IHubContext<GuardHub, IGuardClient> hub,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var body = await JsonRequest.ReadAsync<HostSettingsJson>(request, json.Value.SerializerOptions, "settings", cancellationToken);
        if (body.Refused is not null)
        {
            return body.Refused;
        }

        if (!body.IsRead)
        {
            return body.Invalid!;
        }

        var (settings, errors) = HostSettingsValidator.Validate(body.Value);
        if (settings is null)
        {
            return TypedResults.ValidationProblem(
                errors,
                title: "The settings are incomplete or invalid",
                detail: $"Check {string.Join(", ", errors.Keys.Select(k => $"'{k}'"))}: nothing was changed.");
        }

        if (await store.SaveAsync(settings, cancellationToken))
        {
            await hub.Clients.All.SettingsChanged(settings);
        }

        return TypedResults.Ok(settings);
    }
}
