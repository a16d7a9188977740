using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using static ReceiptGuard.Host.Tests.Security.Refusals;

namespace ReceiptGuard.Host.Tests.Security;

/// <summary>Body size, per-artifact size, malformed and deep JSON, protocol version and rate: each refused as problem+json, nothing stored, the host keeps serving.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task A_body_over_the_general_limit_is_a_413_on_an_endpoint_without_its_own()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        var before = await StoreState.ReadAsync(factory);
        // 2 MiB of settings: over the 1 MiB default, far under the snapshot endpoint's 64 MiB.
        var body = new StringContent($"{{\"maxResourceBytes\":1024,\"maxTotalBytes\":1024,\"screenshots\":false,\"pad\":\"{new string('x', 2 * 1024 * 1024)}\"}}", Encoding.UTF8, "application/json");

        var problem = await AssertProblemAsync(await client.PutAsync("/api/settings", body), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("1048576 bytes", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreState.ReadAsync(factory));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_cut_off_while_it_streams()
    {
        using var factory = new HostFactory(TempDirectory.Create("chunked-limit"), new Dictionary<string, string> { ["ReceiptGuard:MaxRequestBodyBytes"] = "1000" });
        using var client = factory.CreateClient();
        var body = new StringContent($"{{\"maxResourceBytes\":1024,\"maxTotalBytes\":1024,\"screenshots\":false,\"pad\":\"{new string('x', 5000)}\"}}", Encoding.UTF8, "application/json");
        await body.LoadIntoBufferAsync();
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/settings") { Content = new StreamContent(await body.ReadAsStreamAsync()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        await AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.True((await client.GetStringAsync("/api/settings")).Contains("\"screenshots\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_over_MaxPageBytes_is_a_413_naming_html_and_stores_nothing()
    {
        using var factory = new HostFactory(TempDirectory.Create("page-limit"), new Dictionary<string, string> { ["ReceiptGuard:MaxPageBytes"] = "3000" });
        using var client = factory.CreateClient();
        var before = await StoreState.ReadAsync(factory);
        // 1100 CJK characters: 3300 bytes as UTF-8, so the limit is on bytes, not characters.
        var snapshot = Fixtures.NewSnapshot(s => s["html"] = "<p>" + new string('确', 1100) + "</p>");

        var problem = await AssertProblemAsync(await client.PostAsync("/api/snapshots", Json(snapshot)), HttpStatusCode.RequestEntityTooLarge);

        Assert.NotNull(problem["errors"]!["html"]);
        Assert.Contains("'html'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreState.ReadAsync(factory));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task Embedded_data_over_its_limit_is_a_413_naming_embeddedData_and_stores_nothing()
    {
        using var factory = new HostFactory(TempDirectory.Create("embedded-limit"), new Dictionary<string, string> { ["ReceiptGuard:MaxEmbeddedDataBytes"] = "1000" });
        using var client = factory.CreateClient();
        var before = await StoreState.ReadAsync(factory);
        var snapshot = Fixtures.NewSnapshot(s => s["embeddedData"] = new JsonArray(
            new JsonObject { ["type"] = "application/json", ["text"] = new string('a', 600) },
            new JsonObject { ["type"] = "application/json", ["text"] = new string('b', 600) }));

        var problem = await AssertProblemAsync(await client.PostAsync("/api/snapshots", Json(snapshot)), HttpStatusCode.RequestEntityTooLarge);

        Assert.NotNull(problem["errors"]!["embeddedData"]);
        Assert.Equal(before, await StoreState.ReadAsync(factory));
        await AssertStillServesAsync(client);
    }

    [Theory]
    [InlineData("{\"v\":1,\"id\":")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"v\":\"one\"}")]
    public async Task Malformed_JSON_is_a_400_and_stores_nothing(string body)
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        var before = await StoreState.ReadAsync(factory);

        await AssertProblemAsync(await client.PostAsync("/api/snapshots", new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.Equal(before, await StoreState.ReadAsync(factory));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task JSON_nested_deeper_than_the_limit_is_a_400_that_says_so()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        var before = await StoreState.ReadAsync(factory);
        // "context" is kept as free JSON: the one place a sender could nest without end.
        var deep = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            deep.Append("{\"a\":");
        }

        deep.Append('1').Append('}', 200);
        var snapshot = Fixtures.NewSnapshot().ToJsonString();
        var body = snapshot[..^1] + ",\"context2\":" + deep + "}";

        var problem = await AssertProblemAsync(await client.PostAsync("/api/snapshots", new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.Contains("nested deeper than 64 levels", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreState.ReadAsync(factory));
        await AssertStillServesAsync(client);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public async Task A_wrong_protocol_version_is_a_400_naming_v_and_the_supported_version(int version)
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        var before = await StoreState.ReadAsync(factory);

        var problem = await AssertProblemAsync(await client.PostAsync("/api/snapshots", Json(Fixtures.NewSnapshot(s => s["v"] = version))), HttpStatusCode.BadRequest);

        var message = problem["errors"]!["v"]![0]!.GetValue<string>();
        Assert.Contains($"version {version} is not supported", message, StringComparison.Ordinal);
        Assert.Contains("understands version 1", message, StringComparison.Ordinal);
        Assert.Equal(before, await StoreState.ReadAsync(factory));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task A_client_over_its_rate_is_a_429_with_Retry_After_while_other_clients_are_served()
    {
        using var factory = new HostFactory(TempDirectory.Create("rate-limit"), new Dictionary<string, string>
        {
            ["ReceiptGuard:RateLimit:TokenLimit"] = "3",
            ["ReceiptGuard:RateLimit:TokensPerPeriod"] = "1",
            ["ReceiptGuard:RateLimit:ReplenishmentPeriod"] = "01:00:00",
        });
        using var client = factory.CreateClient();
        // The factory's client carries the paired extension's token: its bucket is keyed by that credential.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
        }

        var before = await StoreState.ReadAsync(factory);
        var refused = await client.PostAsync("/api/snapshots", Json(Fixtures.NewSnapshot()));

        var problem = await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("rate limit", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(before, await StoreState.ReadAsync(factory));

        // Another client (the review UI, with its session and no bearer token) has its own bucket: the host keeps serving.
        using var other = await factory.CreateUiClientAsync();
        await AssertStillServesAsync(other, waitForParse: false);
    }
}
