using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReceiptGuard.E2E.Infrastructure;

/// <summary>
/// A loopback HTTP server that records every request it receives ("METHOD host/path"). It serves one page, at
/// <see cref="PagePath"/>, so a test can show that a page loaded from here does reach it; everything else is an empty 200.
/// </summary>
public sealed class BeaconServer : IAsyncDisposable
{
    public const string PagePath = "/hostile.html";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();

    private BeaconServer(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public IReadOnlyList<string> Requests => [.. _requests];

    public void Clear() => _requests.Clear();

    public static async Task<BeaconServer> StartAsync(string page)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new BeaconServer(app);
        app.Run(async context =>
        {
            var request = context.Request;
            context.Response.Headers.CacheControl = "no-store";
            if (request.Path == PagePath)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(page);
                return;
            }

            server._requests.Enqueue($"{request.Method} {request.Host.Host}{request.Path}{request.QueryString}");
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("beacon");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Port = new Uri(address).Port;
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
