using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReceiptGuard.Host.Evidence.Retention;

namespace ReceiptGuard.Host.Tests;

/// <summary>
/// "Keep snapshots for N days": the setting and its limits, the preview, and the sweep — on saving, at start-up and
/// every few hours — on a host whose clock the test drives. Snapshots with a note are never deleted by it.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly string _data = TempDirectory.Create("retention");
    private HostFactory _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        (_host, _client) = Start_host(_clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private (HostFactory Host, HttpClient Client) Start_host(FakeTimeProvider clock)
    {
        var host = new HostFactory(_data) { TestServices = services => services.AddSingleton<TimeProvider>(clock) };
        return (host, host.CreateClient());
    }

    private async Task RestartAsync(FakeTimeProvider clock)
    {
        _client.Dispose();
        await _host.DisposeAsync();
        (_host, _client) = Start_host(clock);
    }

    /// <summary>Stores a snapshot and waits for its parse (the parser waits for ingest to be quiet on this clock).</summary>
    private async Task<JsonObject> StoreAsync(FakeTimeProvider clock)
    {
        var snapshot = Fixtures.NewSnapshot();
        var response = await _client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = snapshot["id"]!.GetValue<string>();
        for (var wait = 0; wait < 200; wait++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var one = (await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!;
            if (one["parse"]?["status"]?.GetValue<string>() != "pending")
            {
                return one;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"snapshot {id} was not parsed");
    }

    private Task<HttpResponseMessage> PutAsync(string json) =>
        _client.PutAsync("/api/evidence/retention", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<bool> ExistsAsync(JsonObject snapshot) =>
        (await _client.GetAsync($"/api/snapshots/{snapshot["id"]}")).StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.NotFound => false,
            var other => throw new InvalidOperationException($"GET snapshot answered {other}"),
        };

    private async Task WaitUntilGoneAsync(JsonObject snapshot)
    {
        for (var wait = 0; wait < 200 && await ExistsAsync(snapshot); wait++)
        {
            await Task.Delay(50);
        }

        Assert.False(await ExistsAsync(snapshot), $"snapshot {snapshot["id"]} was not deleted");
    }

    private async Task AssertStoreIntactAsync()
    {
        var report = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/verify"))!;
        Assert.True(report["ok"]!.GetValue<bool>(), report.ToJsonString());
    }

    private string ArtifactPath(string sha256) => Path.Combine(_data, "artifacts", sha256[..2], sha256 + ".gz");

    [Fact]
    public async Task By_default_snapshots_are_kept_forever_and_the_range_is_given()
    {
        var settings = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/retention"))!;

        Assert.Null(settings["days"]);
        Assert.Equal(30, settings["minDays"]!.GetValue<int>());
        Assert.Equal(3650, settings["maxDays"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{}", "days")]
    [InlineData("""{ "days": 29 }""", "days")]
    [InlineData("""{ "days": 0 }""", "days")]
    [InlineData("""{ "days": -30 }""", "days")]
    [InlineData("""{ "days": 3651 }""", "days")]
    [InlineData("""{ "days": 30.5 }""", "days")]
    [InlineData("""{ "days": "30" }""", "days")]
    [InlineData("""{ "days": true }""", "days")]
    [InlineData("""{ "days": 99999999999 }""", "days")]
    [InlineData("""[30]""", "body")]
    [InlineData("""{ "days": """, "body")]
    public async Task An_invalid_limit_is_a_400_naming_the_field_and_the_range_and_changes_nothing(string body, string field)
    {
        (await PutAsync("""{ "days": 90 }""")).EnsureSuccessStatusCode();

        var response = await PutAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        if (field == "days")
        {
            var message = errors["days"]![0]!.GetValue<string>();
            Assert.Contains("30", message, StringComparison.Ordinal);
            Assert.Contains("3650", message, StringComparison.Ordinal);
            Assert.Contains("null", message, StringComparison.Ordinal);
        }

        Assert.Equal(90, (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/retention"))!["days"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_limit_that_is_not_json_is_415()
    {
        var response = await _client.PutAsync("/api/evidence/retention", new StringContent("days=30", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("3651")]
    [InlineData("thirty")]
    [InlineData("-40")]
    [InlineData("30.0")]
    public async Task An_invalid_preview_is_a_400_naming_days(string days)
    {
        var response = await _client.GetAsync($"/api/evidence/retention/preview?days={Uri.EscapeDataString(days)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["days"], problem["errors"]!.AsObject().Select(e => e.Key));
        // A preview changes nothing, so it does not say "nothing was changed" either.
        Assert.DoesNotContain("changed", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_boundaries_and_forever_are_accepted_and_the_setting_survives_a_restart()
    {
        (await PutAsync("""{ "days": 30 }""")).EnsureSuccessStatusCode();
        (await PutAsync("""{ "days": 3650 }""")).EnsureSuccessStatusCode();
        (await PutAsync("""{ "days": null }""")).EnsureSuccessStatusCode();
        Assert.Null((await _client.GetFromJsonAsync<JsonObject>("/api/evidence/retention"))!["days"]);
        // Beside the TSA address, which keeps its value.
        (await _client.PutAsJsonAsync("/api/evidence/settings", new { tsaUrl = "http://127.0.0.1:9/tsa" })).EnsureSuccessStatusCode();
        (await PutAsync("""{ "days": 365 }""")).EnsureSuccessStatusCode();

        await RestartAsync(_clock);

        Assert.Equal(365, (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/retention"))!["days"]!.GetValue<int>());
        Assert.Equal("http://127.0.0.1:9/tsa", (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/settings"))!["tsaUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_preview_counts_what_a_limit_would_delete_and_what_notes_keep_and_deletes_nothing()
    {
        var old = await StoreAsync(_clock);
        var noted = await StoreAsync(_clock);
        (await _client.PostAsJsonAsync($"/api/snapshots/{noted["id"]}/notes", new { text = "the seller promised a refund" })).EnsureSuccessStatusCode();
        _clock.Advance(TimeSpan.FromDays(40));
        await StoreAsync(_clock);

        var preview = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/retention/preview?days=30"))!;
        Assert.Equal(30, preview["days"]!.GetValue<int>());
        Assert.Equal(1, preview["wouldDelete"]!.GetValue<int>());
        Assert.Equal(1, preview["keptForNotes"]!.GetValue<int>());
        Assert.Equal(_clock.GetUtcNow() - TimeSpan.FromDays(30), preview["receivedBefore"]!.GetValue<DateTimeOffset>());

        var longer = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/retention/preview?days=45"))!;
        Assert.Equal(0, longer["wouldDelete"]!.GetValue<int>());
        Assert.Equal(0, longer["keptForNotes"]!.GetValue<int>());

        var forever = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/retention/preview?days="))!;
        Assert.Null(forever["days"]);
        Assert.Equal(0, forever["wouldDelete"]!.GetValue<int>());

        Assert.True(await ExistsAsync(old));
        Assert.Null((await _client.GetFromJsonAsync<JsonObject>("/api/evidence/retention"))!["days"]);
    }

    [Fact]
    public async Task Saving_a_limit_deletes_old_snapshots_without_notes_logs_the_rule_keeps_shared_files_and_the_store_checks_out()
    {
        var old = await StoreAsync(_clock);
        var noted = await StoreAsync(_clock);
        (await _client.PostAsJsonAsync($"/api/snapshots/{noted["id"]}/notes", new { text = "keep: the parcel never came" })).EnsureSuccessStatusCode();
        _clock.Advance(TimeSpan.FromDays(40));
        var recent = await StoreAsync(_clock);
        // The same page captured twice: the old snapshot's page file is the recent one's too.
        Assert.Equal(old["htmlSha256"]!.GetValue<string>(), recent["htmlSha256"]!.GetValue<string>());
        var oldManifest = old["manifestSha256"]!.GetValue<string>();
        var promised = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/retention/preview?days=30"))!;
        Assert.Equal(1, promised["wouldDelete"]!.GetValue<int>());

        var response = await PutAsync("""{ "days": 30 }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(30, saved["days"]!.GetValue<int>());
        Assert.Equal(1, saved["deleted"]!.GetValue<int>());
        Assert.False(await ExistsAsync(old));
        Assert.True(await ExistsAsync(noted));
        Assert.True(await ExistsAsync(recent));

        var custody = (await _client.GetFromJsonAsync<JsonArray>($"/api/snapshots/{old["id"]}/custody"))!;
        var deletion = custody[^1]!;
        Assert.Equal("snapshot.deleted", deletion["kind"]!.GetValue<string>());
        var detail = JsonNode.Parse(deletion["detail"]!.GetValue<string>())!;
        Assert.Equal("retention", detail["reason"]!.GetValue<string>());
        Assert.Equal(30, detail["retentionDays"]!.GetValue<int>());
        Assert.Equal(oldManifest, detail["manifest"]!.GetValue<string>());
        Assert.Equal(promised["receivedBefore"]!.GetValue<DateTimeOffset>(), detail["receivedBefore"]!.GetValue<DateTimeOffset>());

        Assert.True(File.Exists(ArtifactPath(recent["htmlSha256"]!.GetValue<string>())));
        Assert.False(File.Exists(ArtifactPath(oldManifest)));
        await AssertStoreIntactAsync();

        // The preview agrees: nothing more to delete under this limit.
        Assert.Equal(0, (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/retention/preview?days=30"))!["wouldDelete"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_worker_sweeps_at_start_up_and_every_few_hours_and_never_takes_a_noted_snapshot()
    {
        var old = await StoreAsync(_clock);
        var noted = await StoreAsync(_clock);
        (await _client.PostAsJsonAsync($"/api/snapshots/{noted["id"]}/notes", new { text = "mine" })).EnsureSuccessStatusCode();
        Assert.Equal(0, (await (await PutAsync("""{ "days": 30 }""")).Content.ReadFromJsonAsync<JsonObject>())!["deleted"]!.GetValue<int>());

        // Started again 31 days later: the start-up sweep deletes the old snapshot, no request needed.
        var later = new FakeTimeProvider(_clock.GetUtcNow() + TimeSpan.FromDays(31));
        await RestartAsync(later);
        await WaitUntilGoneAsync(old);
        Assert.True(await ExistsAsync(noted));

        // A snapshot stored now goes once 30 days have passed, on a periodic sweep, and not before.
        var recent = await StoreAsync(later);
        var due = recent["receivedAt"]!.GetValue<DateTimeOffset>() + TimeSpan.FromDays(30);
        later.Advance(due - later.GetUtcNow() - TimeSpan.FromDays(1));
        await Task.Delay(300);
        Assert.True(await ExistsAsync(recent), "deleted a day early");
        for (var step = 0; step < 100 && await ExistsAsync(recent); step++)
        {
            later.Advance(RetentionWorker.Interval);
            await Task.Delay(100);
        }

        Assert.False(await ExistsAsync(recent), "the periodic sweep never ran");
        // Each sweep judges by the clock when it runs, so however late this check is, the deletion was not early.
        Assert.True(later.GetUtcNow() >= due, $"deleted at {later.GetUtcNow():O}, before {due:O}");
        Assert.True(later.GetUtcNow() <= due + TimeSpan.FromDays(2), $"deleted only at {later.GetUtcNow():O}, long after {due:O}");
        Assert.True(await ExistsAsync(noted));

        var entries = (await _client.GetFromJsonAsync<JsonArray>($"/api/snapshots/{recent["id"]}/custody"))!;
        Assert.Equal("retention", JsonNode.Parse(entries[^1]!["detail"]!.GetValue<string>())!["reason"]!.GetValue<string>());
        await AssertStoreIntactAsync();
    }
}
