using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ReceiptGuard.Host.Security;
using static ReceiptGuard.Host.Tests.Security.Refusals;

namespace ReceiptGuard.Host.Tests.Security;

/// <summary>Host header (DNS rebinding) and Origin / Sec-Fetch-Site checks: a refused caller stores nothing and gets problem+json.</summary>
public sealed class CallerCheckTests
{
    private const string ExtensionOrigin = "chrome-extension://" + SecurityOptions.DefaultExtensionId;

    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebind.attacker.test:47831")]
    [InlineData("localhost.attacker.test")]
    [InlineData("shop.localhost:47831")]
    [InlineData("192.168.1.10:47831")]
    public async Task A_foreign_Host_header_is_a_421_and_stores_nothing(string host)
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        var before = await StoreState.ReadAsync(factory);

        var response = await client.PostAsync($"http://{host}/api/snapshots", Json(Fixtures.NewSnapshot()));

        var problem = await AssertProblemAsync(response, HttpStatusCode.MisdirectedRequest);
        Assert.Contains("localhost, 127.0.0.1 or [::1]", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreState.ReadAsync(factory));
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await client.GetAsync($"http://{host}/")).StatusCode);
        await AssertStillServesAsync(client);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:47831")]
    [InlineData("127.0.0.1:47831")]
    [InlineData("127.5.6.7:1")]
    [InlineData("[::1]:47831")]
    public async Task Loopback_Host_headers_are_served(string host)
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"http://{host}/api/health")).StatusCode);
    }

    [Fact]
    public async Task With_allow_non_loopback_an_IP_address_is_served_but_a_name_still_is_not()
    {
        using var factory = new HostFactory(TempDirectory.Create("non-loopback"), new Dictionary<string, string> { [SecurityOptions.AllowNonLoopbackKey] = "true" });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("http://192.168.1.10:47831/api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await client.GetAsync("http://rebind.attacker.test:47831/api/health")).StatusCode);
    }

    [Theory]
    [InlineData("http://evil.test")]
    [InlineData("https://buyertrade.taobao.com")]
    [InlineData("http://localhost:3000")]
    [InlineData("http://127.0.0.1")]
    [InlineData("null")]
    [InlineData("chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("moz-extension://0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20")]
    public async Task A_web_page_origin_is_a_403_for_every_method_and_stores_nothing(string origin)
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        var before = await StoreState.ReadAsync(factory);

        var post = await client.SendAsync(WithOrigin(HttpMethod.Post, "/api/snapshots", origin, Json(Fixtures.NewSnapshot())));
        var problem = await AssertProblemAsync(post, HttpStatusCode.Forbidden);
        Assert.Contains("only the ReceiptGuard extension and this host's own pages", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // A refused origin gets no CORS headers, so even a response it could see would stay unreadable.
        Assert.False(post.Headers.Contains("Access-Control-Allow-Origin"));

        await AssertProblemAsync(await client.SendAsync(WithOrigin(HttpMethod.Get, "/api/snapshots", origin)), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.SendAsync(WithOrigin(HttpMethod.Get, "/api/export?all=true", origin)), HttpStatusCode.Forbidden);
        await AssertProblemAsync(
            await client.SendAsync(WithOrigin(HttpMethod.Put, "/api/settings", origin, Json(new JsonObject { ["maxResourceBytes"] = 1024, ["maxTotalBytes"] = 1024, ["screenshots"] = false }))),
            HttpStatusCode.Forbidden);
        Assert.Equal(before, await StoreState.ReadAsync(factory));
        Assert.True((await client.GetFromJsonAsync<JsonObject>("/api/settings"))!["screenshots"]!.GetValue<bool>());
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task A_cross_site_form_post_is_refused_and_stores_nothing()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        var before = await StoreState.ReadAsync(factory);
        // What a <form method=post action=http://127.0.0.1:47831/api/snapshots> on another site makes the browser send.
        var form = new StringContent("v=1&html=%3Cp%3Ex%3C%2Fp%3E", Encoding.ASCII, "application/x-www-form-urlencoded");
        var request = WithOrigin(HttpMethod.Post, "/api/snapshots", "http://evil.test", form);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        request.Headers.Add("Sec-Fetch-Dest", "document");

        await AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.Forbidden);
        Assert.Equal(before, await StoreState.ReadAsync(factory));
        await AssertStillServesAsync(client);
    }

    [Theory]
    [InlineData("cross-site", "no-cors", "image", "/api/export?all=true")]
    [InlineData("same-site", "no-cors", "empty", "/api/export?all=true")]
    [InlineData("cross-site", "navigate", "document", "/api/export?all=true")]
    [InlineData("cross-site", "navigate", "iframe", "/")]
    [InlineData("cross-site", "no-cors", "script", "/api/snapshots")]
    public async Task A_request_a_web_page_caused_without_Origin_is_a_403_and_logs_no_export(string site, string mode, string dest, string path)
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        await AssertStillServesAsync(client);
        var before = await StoreState.ReadAsync(factory);
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Sec-Fetch-Site", site);
        request.Headers.Add("Sec-Fetch-Mode", mode);
        request.Headers.Add("Sec-Fetch-Dest", dest);

        var response = await client.SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains(site, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // An export is logged in the custody chain: a refused one leaves it as it was.
        Assert.Equal(before, await StoreState.ReadAsync(factory));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/export?all=true")).StatusCode);
        Assert.Equal(before.Custody + 1, (await StoreState.ReadAsync(factory)).Custody);
    }

    [Fact]
    public async Task A_link_from_elsewhere_still_opens_the_review_UI()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        request.Headers.Add("Sec-Fetch-Dest", "document");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData(ExtensionOrigin)]
    public async Task The_hosts_own_pages_and_the_extension_may_post(string origin)
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        var request = WithOrigin(HttpMethod.Post, "/api/snapshots", origin, Json(Fixtures.WithoutEvidence(Fixtures.NewSnapshot())));
        request.Headers.Add("Sec-Fetch-Site", origin.StartsWith("http", StringComparison.Ordinal) ? "same-origin" : "none");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, (await StoreState.ReadAsync(factory)).Snapshots);
    }

    [Fact]
    public async Task A_Firefox_origin_is_trusted_once_added_to_the_registry_and_refused_after_removal()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        const string firefox = "moz-extension://0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20";
        var registry = factory.Services.GetRequiredService<ExtensionOriginRegistry>();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(WithOrigin(HttpMethod.Get, "/api/health", firefox))).StatusCode);

        registry.Add(firefox);
        var allowed = await client.SendAsync(WithOrigin(HttpMethod.Get, "/api/health", firefox));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(firefox, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

        registry.Remove(firefox);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(WithOrigin(HttpMethod.Get, "/api/health", firefox))).StatusCode);
        // Only extension origins can be added: a web origin must never become trusted this way.
        Assert.Throws<ArgumentException>(() => registry.Add("http://evil.test"));
        Assert.Throws<ArgumentException>(() => registry.Add("moz-extension://x/path"));
    }

    [Fact]
    public async Task CORS_answers_the_extensions_preflight_and_nobody_elses()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();

        var extension = await client.SendAsync(Preflight(ExtensionOrigin));
        Assert.True(extension.IsSuccessStatusCode, $"preflight was {extension.StatusCode}");
        Assert.Equal(ExtensionOrigin, extension.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", extension.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Contains("authorization", extension.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);

        var evil = await client.SendAsync(Preflight("http://evil.test"));
        Assert.Equal(HttpStatusCode.Forbidden, evil.StatusCode);
        Assert.False(evil.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(evil.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task The_hub_refuses_a_web_page_both_at_negotiate_and_at_the_WebSocket_handshake()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        var negotiate = await client.SendAsync(WithOrigin(HttpMethod.Post, "/hubs/guard/negotiate?negotiateVersion=1", "http://evil.test"));
        await AssertProblemAsync(negotiate, HttpStatusCode.Forbidden);

        var sockets = factory.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers.Origin = "http://evil.test";
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => sockets.ConnectAsync(new Uri("ws://localhost/hubs/guard"), CancellationToken.None));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        // The same handshake from the host's own page opens (with a credential: pairing checks it after the caller checks).
        var own = factory.Server.CreateWebSocketClient();
        own.ConfigureRequest = request => request.Headers.Origin = "http://localhost";
        using var socket = await own.ConnectAsync(new Uri($"ws://localhost/hubs/guard?access_token={Uri.EscapeDataString(factory.Token)}"), CancellationToken.None);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_the_UI_keeps_its_own_policy()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();

        foreach (var response in new[]
                 {
                     await client.GetAsync("/api/health"),
                     await client.GetAsync("/api/snapshots/00000000-0000-0000-0000-000000000001"),
                     await client.SendAsync(WithOrigin(HttpMethod.Get, "/api/health", "http://evil.test")),
                     await client.GetAsync("http://evil.example/"),
                 })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal(SecurityHeaders.DefaultPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        }

        var ui = await client.GetAsync("/");
        Assert.Equal(Ui.UiEndpoints.UiPolicy, ui.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", ui.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", ui.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_extension_id_is_the_one_the_manifest_key_gives()
    {
        var manifest = Path.Combine(Testing.RepositoryPaths.Root, "extension", "manifest.json");
        Assert.Equal(SecurityOptions.DefaultExtensionId, Testing.ExtensionId.FromManifest(manifest));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1:80", true)]
    [InlineData("[::1]", true)]
    [InlineData("[::ffff:127.0.0.1]:1", true)]
    [InlineData("127.1", false)]
    [InlineData("127.0.0.1.attacker.test", false)]
    [InlineData("localhost.", false)]
    [InlineData("2130706433", false)]
    [InlineData("", false)]
    public void Loopback_host_names(string host, bool allowed) =>
        Assert.Equal(allowed, CallerChecks.IsAllowedHost(new HostString(host)));

    private static HttpRequestMessage WithOrigin(HttpMethod method, string path, string origin, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = WithOrigin(HttpMethod.Options, "/api/snapshots", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}
