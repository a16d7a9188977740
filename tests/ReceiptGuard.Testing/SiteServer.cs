using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReceiptGuard.Testing;

/// <summary>
/// Serves generated files ("host/path" → <see cref="SiteFile"/>) on one loopback port for any number of host names;
/// the browser maps those names to the port (--host-resolver-rules), so each host is its own origin. CDN hosts answer
/// as a CDN does: cross-origin readable (CORS, Timing-Allow-Origin) and cacheable; the rest are never cached.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SiteServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The Chromium switch that sends every named host to this server.</summary>
    public string HostResolverRules(IEnumerable<string> hosts) => "--host-resolver-rules=" + string.Join(", ", hosts.Select(h => $"MAP {h} 127.0.0.1:{Port}"));

    public static async Task<SiteServer> StartAsync(IReadOnlyDictionary<string, SiteFile> files, IReadOnlySet<string> cdnHosts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            var host = context.Request.Host.Host;
            if (!files.TryGetValue($"{host}{context.Request.Path}", out var file))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (cdnHosts.Contains(host))
            {
                context.Response.Headers.AccessControlAllowOrigin = "*";
                context.Response.Headers["Timing-Allow-Origin"] = "*";
                context.Response.Headers.CacheControl = "public, max-age=31536000";
            }
            else
            {
                context.Response.Headers.CacheControl = "no-store";
            }

            context.Response.ContentType = file.ContentType;
            context.Response.ContentLength = file.Body.Length;
            await context.Response.Body.WriteAsync(file.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SiteServer(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
