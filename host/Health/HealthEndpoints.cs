using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Health;

/// <param name="Paired">Whether the caller is paired (or is the review UI): the extension's options page says so.</param>
/// <param name="DataDirectory">Only for a paired caller: where the data lives is nobody else's business.</param>
public sealed record HealthReport(
    string Status,
    string Version,
    int ProtocolVersion,
    bool Paired,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? DataDirectory);

public static class HealthEndpoints
{
    private static readonly string HostVersion =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        // Open to anyone: the extension must find the host before it is paired. It says nothing sensitive then.
        endpoints.MapGet("/api/health", Ok<HealthReport> (HttpContext context, DataDirectory data) =>
        {
            var paired = context.User.Identity?.IsAuthenticated == true;
            return TypedResults.Ok(new HealthReport("ok", HostVersion, Capture.SnapshotPayload.Version, paired, paired ? data.Root : null));
        }).AllowAnonymous();
        return endpoints;
    }
}
