using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ReceiptGuard.Testing;

namespace ReceiptGuard.Host.Tests;

/// <summary>
/// The store asks a TSA (a real RFC 3161 server on loopback) for a token over each manifest, once one is set; a TSA
/// that is down loses nothing, and the store check verifies every token.
/// </summary>
public sealed class TimestampingStoreTests : IAsyncLifetime
{
    private readonly HostFactory _host = new();
    private HttpClient _client = null!;
    private LoopbackTsa _tsa = null!;

    public async Task InitializeAsync()
    {
        _tsa = await LoopbackTsa.StartAsync();
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _tsa.DisposeAsync();
    }

    private async Task<string> StoreAsync()
    {
        var snapshot = Fixtures.NewSnapshot();
        (await _client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return snapshot["id"]!.GetValue<string>();
    }

    private async Task<JsonObject> WaitForTimestampAsync(string id)
    {
        for (var wait = 0; wait < 200; wait++)
        {
            var one = (await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!;
            if (one["timestampSha256"] is not null)
            {
                return one;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"snapshot {id} was not timestamped");
    }

    [Fact]
    public async Task Without_a_TSA_nothing_is_asked_and_setting_one_timestamps_what_is_already_stored_and_what_comes()
    {
        var before = await StoreAsync();
        await Task.Delay(300);
        Assert.Null((await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{before}"))!["timestampSha256"]);
        Assert.Equal(0, _tsa.Requests);

        var put = await _client.PutAsJsonAsync("/api/evidence/settings", new { tsaUrl = _tsa.Url.AbsoluteUri });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(_tsa.Url.AbsoluteUri, (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/settings"))!["tsaUrl"]!.GetValue<string>());
        await WaitForTimestampAsync(before);
        var after = await StoreAsync();
        await WaitForTimestampAsync(after);

        var custody = (await _client.GetFromJsonAsync<JsonArray>($"/api/snapshots/{after}/custody"))!;
        var timestamped = custody.Single(e => e!["kind"]!.GetValue<string>() == "snapshot.timestamped")!;
        Assert.Equal(_tsa.Subject, JsonNode.Parse(timestamped["detail"]!.GetValue<string>())!["tsaName"]!.GetValue<string>());
        var report = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/verify"))!;
        Assert.True(report["ok"]!.GetValue<bool>(), report.ToJsonString());
        Assert.Equal(2, _tsa.Requests);
    }

    [Fact]
    public async Task A_TSA_that_is_down_loses_nothing_and_a_token_for_something_else_is_caught_by_the_store_check()
    {
        await _tsa.GoDownAsync();
        await _client.PutAsJsonAsync("/api/evidence/settings", new { tsaUrl = _tsa.Url.AbsoluteUri });
        var id = await StoreAsync();
        await Task.Delay(500);
        var waiting = (await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!;
        Assert.Null(waiting["timestampSha256"]);
        Assert.True((await _client.GetFromJsonAsync<JsonObject>("/api/evidence/verify"))!["ok"]!.GetValue<bool>());

        await using var other = await LoopbackTsa.StartAsync();
        await _client.PutAsJsonAsync("/api/evidence/settings", new { tsaUrl = other.Url.AbsoluteUri });
        var stamped = await WaitForTimestampAsync(id);

        // Swap in a genuine token over other data: it is intact as a file but does not cover this manifest.
        var foreign = await new Host.Evidence.Timestamping.TimestampClient(new HttpClient()).RequestAsync(
            other.Url, System.Security.Cryptography.SHA256.HashData("other"u8.ToArray()), CancellationToken.None);
        var token = stamped["timestampSha256"]!.GetValue<string>();
        var path = Path.Combine(_host.DataDirectory, "artifacts", token[..2], token + ".gz");
        File.Delete(path);
        var foreignSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(foreign.Der));
        var foreignPath = Path.Combine(_host.DataDirectory, "artifacts", foreignSha[..2], foreignSha + ".gz");
        Directory.CreateDirectory(Path.GetDirectoryName(foreignPath)!);
        using (var gzip = new GZipStream(File.Create(foreignPath), CompressionLevel.Fastest))
        {
            gzip.Write(foreign.Der);
        }

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "receiptguard.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE snapshots SET timestamp_sha256 = '{foreignSha}' WHERE id = '{id}';";
            command.ExecuteNonQuery();
        }

        var report = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/verify"))!;
        Assert.StartsWith($"snapshot {id}: the timestamp token does not cover its manifest", report["firstProblem"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_TSA_address_that_is_not_http_is_refused_with_a_problem_and_an_empty_one_clears_it()
    {
        var bad = await _client.PutAsJsonAsync("/api/evidence/settings", new { tsaUrl = "file:///etc/passwd" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("tsaUrl", (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));

        await _client.PutAsJsonAsync("/api/evidence/settings", new { tsaUrl = _tsa.Url.AbsoluteUri });
        var cleared = await _client.PutAsJsonAsync("/api/evidence/settings", new { tsaUrl = "" });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null((await _client.GetFromJsonAsync<JsonObject>("/api/evidence/settings"))!["tsaUrl"]);
    }
}
