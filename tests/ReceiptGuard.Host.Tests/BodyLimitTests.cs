using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ReceiptGuard.Host.Tests;

public sealed class BodyLimitTests
{
    [Fact]
    public async Task A_12_MB_page_is_stored_intact()
    {
        using var host = new HostFactory();
        using var client = host.CreateClient();
        // Mixed ASCII, CJK and characters JSON must escape, so the body is well over 12 MB on the wire.
        var chunk = "<div class=\"order\">确认收货 \"quoted\" \\ back\tslash</div>\n";
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        html.Insert(html.Length, chunk, (12 * 1024 * 1024 / Encoding.UTF8.GetByteCount(chunk)) + 1);
        html.Append("</body></html>");
        var sent = html.ToString();
        var sentSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sent)));
        Assert.True(Encoding.UTF8.GetByteCount(sent) > 12 * 1024 * 1024);
        var snapshot = Fixtures.NewSnapshot(s => s["html"] = sent);

        var response = await client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(sentSha256, created["htmlSha256"]!.GetValue<string>());
        var stored = await client.GetByteArrayAsync($"/api/snapshots/{snapshot["id"]}/html");
        Assert.Equal(sentSha256, Convert.ToHexStringLower(SHA256.HashData(stored)));
    }

    [Fact]
    public async Task A_body_over_the_configured_limit_is_a_413_problem_and_stores_nothing()
    {
        using var host = new HostFactory(TempDirectory.Create("body-limit"), new Dictionary<string, string> { ["ReceiptGuard:MaxSnapshotBytes"] = "4096" });
        using var client = host.CreateClient();
        var snapshot = Fixtures.NewSnapshot(s => s["html"] = new string('x', 8192));

        var response = await client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(413, problem["status"]!.GetValue<int>());
        Assert.Contains("4096 bytes", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonObject>("/api/snapshots"))!["total"]!.GetValue<int>());

        // Under the limit the same host stores as usual.
        var small = Fixtures.WithoutEvidence(Fixtures.NewSnapshot(s => s["html"] = "<p>small</p>"));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/snapshots", new StringContent(small.ToJsonString(), Encoding.UTF8, "application/json"))).StatusCode);
    }
}
