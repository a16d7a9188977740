using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReceiptGuard.Testing;

/// <summary>
/// Serves the fixture shop pages on a loopback port. The browser reaches it under the shops' real host names
/// (--host-resolver-rules), so the extension's real match patterns decide where it runs. Every guard spec's page is
/// served at its URL, plus each platform's routes.json; other paths answer with a small landing page.
/// </summary>
public sealed class ShopServer : IAsyncDisposable
{
    public const string LandingTitle = "landing";

    private readonly WebApplication _app;

    private ShopServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>"host/path" → fixture file.</summary>
    public static IReadOnlyDictionary<string, string> Routes()
    {
        var routes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in GuardSpec.All())
        {
            var url = new Uri(spec.Url);
            routes[$"{url.Host}{url.AbsolutePath}"] = Path.Combine(RepositoryPaths.ShopFixtures, spec.Platform, spec.Fixture);
        }

        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.ShopFixtures, "routes.json", SearchOption.AllDirectories))
        {
            var folder = Path.GetDirectoryName(file)!;
            foreach (var (key, fixture) in JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!)
            {
                routes[key] = Path.Combine(folder, fixture);
            }
        }

        return routes;
    }

    /// <param name="generated">Extra pages made in memory ("host/path" → HTML), e.g. the benchmarks' large lists.</param>
    public static async Task<ShopServer> StartAsync(IReadOnlyDictionary<string, string>? generated = null)
    {
        var routes = Routes();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            var key = $"{context.Request.Host.Host}{context.Request.Path}";
            context.Response.Headers.CacheControl = "no-store";
            if (generated is not null && generated.TryGetValue(key, out var page))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(page);
                return;
            }

            if (!routes.TryGetValue(key, out var path))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                var url = System.Net.WebUtility.HtmlEncode($"{context.Request.Scheme}://{key}{context.Request.QueryString}");
                await context.Response.WriteAsync($"<!DOCTYPE html><title>{LandingTitle}</title><h1 id=\"landed\">{url}</h1>");
                return;
            }

            var bytes = await File.ReadAllBytesAsync(path);
            context.Response.ContentType = ContentTypeOf(path, bytes);
            await context.Response.Body.WriteAsync(bytes);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ShopServer(app, new Uri(address).Port);
    }

    /// <summary>Pages declare their charset in a meta tag (Taobao's are GBK); the header says the same, as real servers do.</summary>
    private static string ContentTypeOf(string path, byte[] bytes)
    {
        if (!path.EndsWith(".html", StringComparison.Ordinal))
        {
            return Path.GetExtension(path) switch
            {
                ".json" => "application/json",
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".png" => "image/png",
                ".jpg" or ".jpeg" => "image/jpeg",
                ".gif" => "image/gif",
                ".svg" => "image/svg+xml",
                ".woff2" => "font/woff2",
                _ => "application/octet-stream",
            };
        }

        var head = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).ToLowerInvariant();
        var charset = System.Text.RegularExpressions.Regex.Match(head, "charset=[\"']?([a-z0-9-]+)").Groups[1].Value;
        return $"text/html; charset={(charset.Length > 0 ? charset : "utf-8")}";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
