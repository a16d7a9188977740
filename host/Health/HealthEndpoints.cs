using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Health;

public sealed record HealthReport(string Status, string Version, int ProtocolVersion, string DataDirectory);

public static class HealthEndpoints
{
    private static readonly string HostVersion =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/health", Ok<HealthReport> (DataDirectory data) =>
            TypedResults.Ok(new HealthReport("ok", HostVersion, Capture.SnapshotPayload.Version, data.Root)));
        return endpoints;
    }
}
