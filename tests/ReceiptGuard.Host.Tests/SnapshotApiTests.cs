using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReceiptGuard.Host.Tests;

public sealed class SnapshotApiTests : IDisposable
{
    private readonly HostFactory _host = new();
    private readonly HttpClient _client;

    public SnapshotApiTests()
    {
        _client = _host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    private Task<HttpResponseMessage> PostAsync(JsonNode snapshot) =>
        _client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"));

    private async Task<int> StoredCountAsync() =>
        (await _client.GetFromJsonAsync<JsonObject>("/api/snapshots"))!["total"]!.GetValue<int>();

    [Fact]
    public async Task Health_answers_ok_with_the_protocol_version()
    {
        var health = await _client.GetFromJsonAsync<JsonObject>("/api/health");
        Assert.Equal("ok", health!["status"]!.GetValue<string>());
        Assert.Equal(1, health["protocolVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Posted_snapshot_is_listed_and_readable_with_its_page()
    {
        var snapshot = Fixtures.ExampleSnapshot();
        var id = snapshot["id"]!.GetValue<string>();

        var response = await PostAsync(snapshot);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/snapshots/{id}", response.Headers.Location?.OriginalString);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("confirmed", created!["decision"]!.GetValue<string>());
        Assert.Equal("确认收货", created["buttonText"]!.GetValue<string>());
        Assert.Equal("3312345678901234567", created["orderHint"]!.GetValue<string>());

        var list = await _client.GetFromJsonAsync<JsonObject>("/api/snapshots");
        Assert.Equal(1, list!["total"]!.GetValue<int>());
        Assert.Equal(id, list["items"]![0]!["id"]!.GetValue<string>());

        var one = await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}");
        Assert.Equal("已买到的宝贝", one!["title"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T08:15:30.125Z", System.Globalization.CultureInfo.InvariantCulture), one["capturedAt"]!.GetValue<DateTimeOffset>());

        var html = await _client.GetStringAsync($"/api/snapshots/{id}/html");
        Assert.Equal(snapshot["html"]!.GetValue<string>(), html);
    }

    [Fact]
    public async Task Reposting_the_same_id_stores_nothing_new_and_answers_as_the_first_time()
    {
        var snapshot = Fixtures.NewSnapshot();
        var first = await PostAsync(snapshot);
        var firstBody = await first.Content.ReadAsStringAsync();

        var again = await PostAsync(snapshot);

        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await StoredCountAsync());
    }

    [Fact]
    public async Task Reusing_an_id_for_different_content_is_a_conflict_and_keeps_the_original()
    {
        var snapshot = Fixtures.NewSnapshot();
        await PostAsync(snapshot);
        var altered = snapshot.DeepClone();
        altered["html"] = "<html><body>something else</body></html>";

        var response = await PostAsync(altered);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var html = await _client.GetStringAsync($"/api/snapshots/{snapshot["id"]}/html");
        Assert.Equal(snapshot["html"]!.GetValue<string>(), html);
    }

    [Theory]
    [InlineData("{\"v\":1,\"id\":")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    public async Task Malformed_json_is_a_400_problem_and_stores_nothing(string body)
    {
        var response = await _client.PostAsync("/api/snapshots", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("body"), problem.ToJsonString());
        Assert.Equal(0, await StoredCountAsync());
    }

    [Theory]
    [InlineData("v")]
    [InlineData("id")]
    [InlineData("url")]
    [InlineData("title")]
    [InlineData("capturedAt")]
    [InlineData("html")]
    [InlineData("decision")]
    [InlineData("site")]
    [InlineData("buttonText")]
    public async Task A_missing_field_is_named_in_the_400_problem(string field)
    {
        var response = await PostAsync(Fixtures.NewSnapshot(s => s.Remove(field)));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.Contains(field, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await StoredCountAsync());
    }

    [Theory]
    [InlineData("capturedAt", "12345", "capturedAt")]
    [InlineData("html", "{\"a\":1}", "html")]
    [InlineData("v", "\"one\"", "v")]
    public async Task A_field_of_the_wrong_type_is_named(string field, string rawValue, string expected)
    {
        var snapshot = Fixtures.NewSnapshot();
        snapshot[field] = JsonNode.Parse(rawValue);

        var problem = await AssertProblemAsync(await PostAsync(snapshot), HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(expected), problem.ToJsonString());
    }

    [Theory]
    [InlineData("v", 2)]
    [InlineData("id", "not-a-uuid")]
    [InlineData("url", "javascript:alert(1)")]
    [InlineData("url", "/relative")]
    [InlineData("capturedAt", "2026-11-26 08:00")]
    [InlineData("capturedAt", "2026-11-26T08:00:00")]
    [InlineData("decision", "maybe")]
    [InlineData("site", "Tao Bao!")]
    [InlineData("orderHint", "1234; DROP TABLE")]
    [InlineData("orderHint", "")]
    public async Task An_invalid_value_is_named(string field, object value)
    {
        var snapshot = Fixtures.NewSnapshot();
        snapshot[field] = JsonValue.Create(value);

        var problem = await AssertProblemAsync(await PostAsync(snapshot), HttpStatusCode.BadRequest);
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task A_manual_capture_has_no_decision_and_says_so()
    {
        var snapshot = Fixtures.NewSnapshot(s =>
        {
            s["capture"] = "manual";
            s["decision"] = "none";
            s["buttonText"] = "";
        });

        var created = await (await PostAsync(snapshot)).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal("manual", created!["capture"]!.GetValue<string>());
        Assert.Equal("none", created["decision"]!.GetValue<string>());
        var guard = await (await PostAsync(Fixtures.NewSnapshot())).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("guard", guard!["capture"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_a_manual_capture_may_have_no_decision()
    {
        var problem = await AssertProblemAsync(await PostAsync(Fixtures.NewSnapshot(s => s["decision"] = "none")), HttpStatusCode.BadRequest);
        Assert.Equal(["decision"], problem["errors"]!.AsObject().Select(e => e.Key));
        await AssertProblemAsync(await PostAsync(Fixtures.NewSnapshot(s => s["capture"] = "robot")), HttpStatusCode.BadRequest);
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task The_order_hint_is_optional()
    {
        var withNull = Fixtures.NewSnapshot(s => s["orderHint"] = null);
        var without = Fixtures.NewSnapshot(s => s.Remove("orderHint"));

        var first = await (await PostAsync(withNull)).Content.ReadFromJsonAsync<JsonObject>();
        var second = await (await PostAsync(without)).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Null(first!["orderHint"]);
        Assert.Null(second!["orderHint"]);
        Assert.Equal(2, await StoredCountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var response = await _client.PostAsync("/api/snapshots", new StringContent("<html></html>", Encoding.UTF8, "text/html"));
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Unknown_snapshot_is_a_404_problem()
    {
        await AssertProblemAsync(await _client.GetAsync($"/api/snapshots/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await _client.GetAsync($"/api/snapshots/{Guid.NewGuid()}/html"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_is_newest_first_and_paged()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var snapshot = Fixtures.NewSnapshot(s => s["title"] = $"order {i}");
            ids.Add(snapshot["id"]!.GetValue<string>());
            (await PostAsync(snapshot)).EnsureSuccessStatusCode();
        }

        var first = await _client.GetFromJsonAsync<JsonObject>("/api/snapshots?limit=2");
        var second = await _client.GetFromJsonAsync<JsonObject>("/api/snapshots?limit=2&offset=2");
        var last = await _client.GetFromJsonAsync<JsonObject>("/api/snapshots?limit=2&offset=4");

        string[] IdsOf(JsonObject page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();
        Assert.Equal([ids[4], ids[3]], IdsOf(first!));
        Assert.Equal([ids[2], ids[1]], IdsOf(second!));
        Assert.Equal([ids[0]], IdsOf(last!));
        Assert.Equal(5, last!["total"]!.GetValue<int>());

        await AssertProblemAsync(await _client.GetAsync("/api/snapshots?limit=1000"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await _client.GetAsync("/api/snapshots?offset=-1"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Captured_page_is_served_inert_with_a_sandbox_policy_that_forbids_scripts()
    {
        var snapshot = Fixtures.NewSnapshot(s => s["html"] = "<html><body><script>alert(1)</script>x</body></html>");
        (await PostAsync(snapshot)).EnsureSuccessStatusCode();

        var response = await _client.GetAsync($"/api/snapshots/{snapshot["id"]}/html");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox;", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-scripts", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task Stored_snapshots_survive_a_restart_of_the_host()
    {
        var snapshot = Fixtures.NewSnapshot();
        (await PostAsync(snapshot)).EnsureSuccessStatusCode();
        await _host.DisposeAsync();

        using var restarted = new HostFactory(_host.DataDirectory);
        using var client = restarted.CreateClient();
        var again = await client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{snapshot["id"]}");
        Assert.Equal(snapshot["url"]!.GetValue<string>(), again!["url"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(_host.DataDirectory, "receiptguard.db")));
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        return problem;
    }
}
