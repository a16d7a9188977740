using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ReceiptGuard.Host.Tests;

/// <summary>The evidence beside the page: embedded data scripts, a screenshot, its absence's reason, the capture context.</summary>
public sealed class EvidenceApiTests : IDisposable
{
    /// <summary>The smallest real JPEG start: SOI, then an APP0 marker.</summary>
    private static readonly byte[] JpegBytes = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0xFF, 0xD9];

    private readonly HostFactory _host = new();
    private readonly HttpClient _client;

    public EvidenceApiTests()
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

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] DecodeDataUrl(string dataUrl) => Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',', StringComparison.Ordinal) + 1)..]);

    [Fact]
    public async Task The_example_is_stored_with_its_screenshot_embedded_data_and_context()
    {
        var snapshot = Fixtures.NewSnapshot();
        var id = snapshot["id"]!.GetValue<string>();
        var png = DecodeDataUrl(snapshot["screenshot"]!.GetValue<string>());

        var created = await PostAsync(snapshot);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var one = (await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!;
        Assert.True(one["hasScreenshot"]!.GetValue<bool>());
        Assert.Equal(Sha256(png), one["screenshotSha256"]!.GetValue<string>());
        Assert.Null(one["screenshotError"]);
        Assert.True(one["hasEmbeddedData"]!.GetValue<bool>());
        Assert.Matches("^[0-9a-f]{64}$", one["embeddedDataSha256"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(snapshot["context"], one["context"]), one["context"]?.ToJsonString());

        var screenshot = await _client.GetAsync($"/api/snapshots/{id}/screenshot");
        Assert.Equal(HttpStatusCode.OK, screenshot.StatusCode);
        Assert.Equal("image/png", screenshot.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", screenshot.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png, await screenshot.Content.ReadAsByteArrayAsync());

        var embedded = await _client.GetAsync($"/api/snapshots/{id}/embedded");
        Assert.Equal(HttpStatusCode.OK, embedded.StatusCode);
        Assert.Equal("application/json", embedded.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", embedded.Headers.GetValues("X-Content-Type-Options").Single());
        var embeddedBytes = await embedded.Content.ReadAsByteArrayAsync();
        Assert.Equal(one["embeddedDataSha256"]!.GetValue<string>(), Sha256(embeddedBytes));
        Assert.True(JsonNode.DeepEquals(snapshot["embeddedData"], JsonNode.Parse(embeddedBytes)));
    }

    [Fact]
    public async Task A_jpeg_screenshot_is_served_as_jpeg()
    {
        var snapshot = Fixtures.NewSnapshot(s => s["screenshot"] = "data:image/jpeg;base64," + Convert.ToBase64String(JpegBytes));
        (await PostAsync(snapshot)).EnsureSuccessStatusCode();

        var screenshot = await _client.GetAsync($"/api/snapshots/{snapshot["id"]}/screenshot");

        Assert.Equal("image/jpeg", screenshot.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JpegBytes, await screenshot.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Without_the_evidence_fields_there_is_nothing_to_serve_and_404_says_so()
    {
        var snapshot = Fixtures.WithoutEvidence(Fixtures.NewSnapshot());
        var created = (await (await PostAsync(snapshot)).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.False(created["hasScreenshot"]!.GetValue<bool>());
        Assert.False(created["hasEmbeddedData"]!.GetValue<bool>());
        Assert.Null(created["screenshotSha256"]);
        Assert.Null(created["embeddedDataSha256"]);
        Assert.Null(created["context"]);
        var noScreenshot = await AssertProblemAsync(await _client.GetAsync($"/api/snapshots/{snapshot["id"]}/screenshot"), HttpStatusCode.NotFound);
        Assert.Equal("No screenshot", noScreenshot["title"]!.GetValue<string>());
        await AssertProblemAsync(await _client.GetAsync($"/api/snapshots/{snapshot["id"]}/embedded"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await _client.GetAsync($"/api/snapshots/{Guid.NewGuid()}/screenshot"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await _client.GetAsync($"/api/snapshots/{Guid.NewGuid()}/embedded"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Empty_embedded_data_and_null_screenshot_store_no_artifact()
    {
        var snapshot = Fixtures.NewSnapshot(s =>
        {
            s["embeddedData"] = new JsonArray();
            s["screenshot"] = null;
            s["context"] = null;
        });

        var created = (await (await PostAsync(snapshot)).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.False(created["hasEmbeddedData"]!.GetValue<bool>());
        Assert.False(created["hasScreenshot"]!.GetValue<bool>());
        Assert.Null(created["context"]);
        // Only the page itself and its manifest are in the artifact store, and the parse result the host derives from it (once written:
        // the served result's bytes name its artifact).
        var parsed = await _client.GetAsync($"/api/snapshots/{snapshot["id"]}/parsed");
        for (var wait = 0; parsed.StatusCode == HttpStatusCode.NotFound && wait < 300; wait++)
        {
            await Task.Delay(50);
            parsed = await _client.GetAsync($"/api/snapshots/{snapshot["id"]}/parsed");
        }

        var parsedSha256 = Convert.ToHexStringLower(SHA256.HashData(await parsed.Content.ReadAsByteArrayAsync()));
        Assert.Equal(
            new[] { created["htmlSha256"]!.GetValue<string>(), created["manifestSha256"]!.GetValue<string>(), parsedSha256 }.Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(_host.DataDirectory, "artifacts"), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetFileName(f).Replace(".gz", "", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_reason_for_a_missing_screenshot_is_stored_and_given_by_the_404()
    {
        var snapshot = Fixtures.NewSnapshot(s =>
        {
            s["screenshot"] = null;
            s["screenshotError"] = "The tab was not visible (minimised window).";
        });

        var created = (await (await PostAsync(snapshot)).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("The tab was not visible (minimised window).", created["screenshotError"]!.GetValue<string>());
        var problem = await AssertProblemAsync(await _client.GetAsync($"/api/snapshots/{snapshot["id"]}/screenshot"), HttpStatusCode.NotFound);
        Assert.Contains("minimised window", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_context_members_are_kept_and_the_context_is_stored_compactly()
    {
        var snapshot = Fixtures.NewSnapshot(s =>
        {
            s["context"]!["checklist"] = null;
            s["context"]!["futureMember"] = new JsonObject { ["nested"] = new JsonArray(1, "二", true) };
        });

        (await PostAsync(snapshot)).EnsureSuccessStatusCode();

        var one = (await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{snapshot["id"]}"))!;
        Assert.True(JsonNode.DeepEquals(snapshot["context"], one["context"]), one["context"]?.ToJsonString());
    }

    public static TheoryData<string, string> InvalidScreenshots => new()
    {
        { "\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"", "screenshot" },
        { "\"https://example.com/shot.png\"", "screenshot" },
        { "\"data:image/png;base64,not base64 at all!\"", "screenshot" },
        { "\"data:image/png;base64,\"", "screenshot" },
        // Declared PNG, but the bytes are a JPEG (and the other way round).
        { $"\"data:image/png;base64,{Convert.ToBase64String(JpegBytes)}\"", "screenshot" },
        { "\"data:image/jpeg;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAEUlEQVR4nGM4oaHxH4QZYAwASgQIXRyHR0QAAAAASUVORK5CYII=\"", "screenshot" },
        { "42", "screenshot" },
        { $"\"{new string('x', 501)}\"", "screenshotError" },
    };

    [Theory]
    [MemberData(nameof(InvalidScreenshots))]
    public async Task An_invalid_screenshot_is_a_400_naming_the_field(string rawValue, string field)
    {
        var snapshot = Fixtures.NewSnapshot();
        snapshot[field] = JsonNode.Parse(rawValue);

        var problem = await AssertProblemAsync(await PostAsync(snapshot), HttpStatusCode.BadRequest);

        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task A_screenshot_over_20_MB_decoded_is_refused()
    {
        var image = new byte[(20 * 1024 * 1024) + 3];
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(image, 0);
        var snapshot = Fixtures.NewSnapshot(s => s["screenshot"] = "data:image/png;base64," + Convert.ToBase64String(image));

        var problem = await AssertProblemAsync(await PostAsync(snapshot), HttpStatusCode.BadRequest);

        Assert.Equal(["screenshot"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("20 MB", problem["errors"]!["screenshot"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "context")]
    [InlineData("\"Asia/Shanghai\"", "context")]
    [InlineData("{\"timeZone\":480}", "context.timeZone")]
    [InlineData("{\"utcOffsetMinutes\":\"480\"}", "context.utcOffsetMinutes")]
    [InlineData("{\"userAgent\":null}", "context.userAgent")]
    [InlineData("{\"language\":[\"zh-CN\"]}", "context.language")]
    [InlineData("{\"extensionVersion\":1}", "context.extensionVersion")]
    [InlineData("{\"viewport\":\"1280x800\"}", "context.viewport")]
    [InlineData("{\"checklist\":{\"received\":\"yes\"}}", "context.checklist")]
    [InlineData("{\"checklist\":[true]}", "context.checklist")]
    [InlineData("{\"serializer\":42}", "context.serializer")]
    public async Task A_context_member_of_the_wrong_type_is_named(string rawContext, string field)
    {
        var snapshot = Fixtures.NewSnapshot(s => s["context"] = JsonNode.Parse(rawContext));

        var problem = await AssertProblemAsync(await PostAsync(snapshot), HttpStatusCode.BadRequest);

        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0, await StoredCountAsync());
    }

    [Theory]
    [InlineData("\"var data = 1\"", "embeddedData")]
    [InlineData("[null]", "embeddedData[0]")]
    [InlineData("[{\"type\":\"application/json\"}]", "embeddedData[0].text")]
    [InlineData("[{\"type\":\"text/javascript\",\"text\":\"a\"},{\"text\":\"b\"}]", "embeddedData[1].type")]
    [InlineData("[{\"type\":1,\"text\":\"a\"}]", "embeddedData[0].type")]
    public async Task Invalid_embedded_data_is_named(string rawValue, string field)
    {
        var snapshot = Fixtures.NewSnapshot(s => s["embeddedData"] = JsonNode.Parse(rawValue));

        var problem = await AssertProblemAsync(await PostAsync(snapshot), HttpStatusCode.BadRequest);

        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Reposting_the_full_example_answers_exactly_as_the_first_time()
    {
        var snapshot = Fixtures.NewSnapshot();
        var first = await PostAsync(snapshot);
        var firstBody = await first.Content.ReadAsStringAsync();

        var again = await PostAsync(JsonNode.Parse(snapshot.ToJsonString())!);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await StoredCountAsync());
    }

    public static TheoryData<string> EvidenceChanges => new()
    {
        "embeddedData", "screenshot", "screenshotError", "context", "context-removed",
    };

    [Theory]
    [MemberData(nameof(EvidenceChanges))]
    public async Task The_same_id_with_different_evidence_is_a_conflict(string change)
    {
        var snapshot = Fixtures.NewSnapshot();
        (await PostAsync(snapshot)).EnsureSuccessStatusCode();
        var altered = snapshot.DeepClone().AsObject();
        switch (change)
        {
            case "embeddedData":
                altered["embeddedData"]![0]!["text"] = "window.rawData = {}";
                break;
            case "screenshot":
                altered["screenshot"] = "data:image/jpeg;base64," + Convert.ToBase64String(JpegBytes);
                break;
            case "screenshotError":
                altered["screenshotError"] = "no permission";
                break;
            case "context":
                altered["context"]!["checklist"]!["received"] = false;
                break;
            case "context-removed":
                altered.Remove("context");
                break;
        }

        await AssertProblemAsync(await PostAsync(altered), HttpStatusCode.Conflict);
        var one = (await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{snapshot["id"]}"))!;
        Assert.True(JsonNode.DeepEquals(snapshot["context"], one["context"]));
    }

    private async Task<int> StoredCountAsync() =>
        (await _client.GetFromJsonAsync<JsonObject>("/api/snapshots"))!["total"]!.GetValue<int>();

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }
}
