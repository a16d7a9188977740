using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReceiptGuard.E2E.Infrastructure;

/// <summary>
/// Serves the fixture shop pages on a loopback port. The browser reaches it under the shops' real host names
/// (--host-resolver-rules), so the extension's real match patterns decide where it runs.
/// tests/fixtures/shops/routes.json maps "host/path" to a fixture file.
/// </summary>
public sealed class ShopServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ShopServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Host names the browser must resolve to this server.</summary>
    public IReadOnlyList<string> HostPatterns { get; } = ["*.taobao.com", "*.tmall.com"];

    public static async Task<ShopServer> StartAsync()
    {
        var routesFile = Path.Combine(Paths.Fixtures, "shops", "routes.json");
        var routes = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(routesFile))
            ?? throw new InvalidOperationException($"{routesFile} is empty");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            var key = $"{context.Request.Host.Host}{context.Request.Path}";
            if (!routes.TryGetValue(key, out var file))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync($"no fixture for {key}");
                return;
            }

            var path = Path.Combine(Paths.Fixtures, "shops", file);
            var bytes = await File.ReadAllBytesAsync(path);
            context.Response.ContentType = ContentTypeOf(path, bytes);
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.Body.WriteAsync(bytes);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ShopServer(app, new Uri(address).Port);
    }

    /// <summary>Pages declare their charset in a meta tag (Taobao's are GBK); send the same in the header.</summary>
    private static string ContentTypeOf(string path, byte[] bytes)
    {
        if (!path.EndsWith(".html", StringComparison.Ordinal))
        {
            return "application/octet-stream";
        }

        var head = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).ToLowerInvariant();
        var charset = head.Contains("charset=\"gbk\"", StringComparison.Ordinal) || head.Contains("charset=gbk", StringComparison.Ordinal) ? "gbk" : "utf-8";
        return $"text/html; charset={charset}";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
