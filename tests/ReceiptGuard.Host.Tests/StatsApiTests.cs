using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReceiptGuard.Host.Parsing.Ingest;
using ReceiptGuard.Host.Stats;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Tests;

/// <summary>GET /api/stats: snapshots are posted as the extension sends them (parsing left out: stats do not need it).</summary>
public sealed class StatsApiTests
{
    private static HostFactory WithoutParsing() => new(TempDirectory.Create("stats"))
    {
        TestServices = services => services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ParseWorker))),
    };

    private static async Task<Guid> PostAsync(HttpClient client, string capturedAt, string site, string decision)
    {
        var snapshot = Fixtures.NewSnapshot(s =>
        {
            s["capturedAt"] = capturedAt;
            s["site"] = site;
            s["decision"] = decision;
            s["capture"] = decision == "none" ? "manual" : "guard";
        });
        var response = await client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return Guid.Parse(snapshot["id"]!.GetValue<string>());
    }

    private static async Task<JsonObject> StatsAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/stats" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static readonly string[] CountNames = ["held", "confirmed", "cancelled", "other", "manual"];

    /// <summary>held, confirmed, cancelled, other, manual: one row of the answer as numbers.</summary>
    private static int[] Counts(JsonNode? row) => CountNames.Select(name => row![name]!.GetValue<int>()).ToArray();

    private static JsonNode? Row(JsonObject stats, string list, string key, string name) =>
        stats[list]!.AsArray().SingleOrDefault(r => r![key]!.GetValue<string>() == name);

    [Fact]
    public async Task Held_clicks_and_their_outcome_are_counted_by_utc_month_and_platform_with_manual_captures_apart()
    {
        using var host = WithoutParsing();
        using var client = host.CreateClient();
        await PostAsync(client, "2026-10-15T08:00:00.000Z", "taobao", "confirmed");
        // 00:30 on 1 November in China is still October in UTC: months follow the stored UTC time.
        await PostAsync(client, "2026-11-01T00:30:00.000+08:00", "taobao", "cancelled");
        await PostAsync(client, "2026-11-20T08:00:00.000Z", "taobao", "cancelled");
        await PostAsync(client, "2026-11-21T08:00:00.000Z", "taobao", "cancelled");
        await PostAsync(client, "2026-11-22T08:00:00.000Z", "jd", "confirmed");
        await PostAsync(client, "2026-11-23T08:00:00.000Z", "jd", "none");
        await PostAsync(client, "2026-12-01T00:00:00.000Z", "pinduoduo", "none");
        // A decision the protocol does not send today, as a future extension or an old import might have stored it.
        var odd = await PostAsync(client, "2026-11-24T08:00:00.000Z", "jd", "confirmed");
        await using (var connection = await host.Services.GetRequiredService<Database>().OpenAsync())
        await using (var update = connection.CreateCommand())
        {
            update.CommandText = "UPDATE snapshots SET decision = 'later' WHERE id = $id;";
            update.Parameters.AddWithValue("$id", odd.ToString("D"));
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var stats = await StatsAsync(client);

        Assert.Equal([6, 2, 3, 1, 2], Counts(stats["totals"]));
        Assert.Equal(["2026-10", "2026-11", "2026-12"], stats["byMonth"]!.AsArray().Select(m => m!["month"]!.GetValue<string>()));
        Assert.Equal([2, 1, 1, 0, 0], Counts(Row(stats, "byMonth", "month", "2026-10")));
        Assert.Equal([4, 1, 2, 1, 1], Counts(Row(stats, "byMonth", "month", "2026-11")));
        Assert.Equal([0, 0, 0, 0, 1], Counts(Row(stats, "byMonth", "month", "2026-12")));
        // Most held clicks first; a platform with only manual captures still shows.
        Assert.Equal(["taobao", "jd", "pinduoduo"], stats["byPlatform"]!.AsArray().Select(p => p!["platform"]!.GetValue<string>()));
        Assert.Equal([4, 1, 3, 0, 0], Counts(Row(stats, "byPlatform", "platform", "taobao")));
        Assert.Equal([2, 1, 0, 1, 1], Counts(Row(stats, "byPlatform", "platform", "jd")));
        Assert.Equal([0, 0, 0, 0, 1], Counts(Row(stats, "byPlatform", "platform", "pinduoduo")));
        Assert.Null(stats["from"]);
        Assert.Null(stats["to"]);
    }

    [Fact]
    public async Task A_deleted_snapshot_no_longer_counts()
    {
        using var host = WithoutParsing();
        using var client = host.CreateClient();
        await PostAsync(client, "2026-11-20T08:00:00.000Z", "taobao", "confirmed");
        var deleted = await PostAsync(client, "2026-11-21T08:00:00.000Z", "taobao", "cancelled");
        var gone = await PostAsync(client, "2026-09-01T08:00:00.000Z", "jd", "none");
        var before = await StatsAsync(client);
        Assert.Equal([2, 1, 1, 0, 1], Counts(before["totals"]));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/snapshots/{deleted}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/snapshots/{gone}")).StatusCode);
        var stats = await StatsAsync(client);

        Assert.Equal([1, 1, 0, 0, 0], Counts(stats["totals"]));
        Assert.Equal(["2026-11"], stats["byMonth"]!.AsArray().Select(m => m!["month"]!.GetValue<string>()));
        Assert.Equal(["taobao"], stats["byPlatform"]!.AsArray().Select(p => p!["platform"]!.GetValue<string>()));
    }

    [Fact]
    public async Task From_and_to_narrow_by_capture_time_with_a_date_only_to_including_its_day()
    {
        using var host = WithoutParsing();
        using var client = host.CreateClient();
        await PostAsync(client, "2026-10-31T23:59:59.999Z", "taobao", "confirmed");
        await PostAsync(client, "2026-11-01T00:00:00.000Z", "taobao", "cancelled");
        await PostAsync(client, "2026-11-30T23:59:59.999Z", "jd", "confirmed");
        await PostAsync(client, "2026-12-01T00:00:00.000Z", "jd", "none");

        var november = await StatsAsync(client, "?from=2026-11-01&to=2026-11-30");
        Assert.Equal([2, 1, 1, 0, 0], Counts(november["totals"]));
        Assert.Equal(["2026-11"], november["byMonth"]!.AsArray().Select(m => m!["month"]!.GetValue<string>()));
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), november["from"]!.GetValue<DateTimeOffset>());
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), november["to"]!.GetValue<DateTimeOffset>());

        // A time with an offset is exact: 08:00 in China on 1 November is midnight UTC, so the October click stays out.
        var fromChinaMorning = await StatsAsync(client, "?from=2026-11-01T08:00:00%2B08:00");
        Assert.Equal([2, 1, 1, 0, 1], Counts(fromChinaMorning["totals"]));
        var beforeNovember = await StatsAsync(client, "?to=2026-11-01T00:00:00Z");
        Assert.Equal([1, 1, 0, 0, 0], Counts(beforeNovember["totals"]));
        var nothing = await StatsAsync(client, "?from=2027-01-01");
        Assert.Equal([0, 0, 0, 0, 0], Counts(nothing["totals"]));
        Assert.Empty(nothing["byMonth"]!.AsArray());
        Assert.Empty(nothing["byPlatform"]!.AsArray());
    }

    [Fact]
    public async Task An_empty_store_has_zero_totals_and_no_rows()
    {
        using var host = WithoutParsing();
        using var client = host.CreateClient();

        var stats = await StatsAsync(client);

        Assert.Equal([0, 0, 0, 0, 0], Counts(stats["totals"]));
        Assert.Empty(stats["byMonth"]!.AsArray());
        Assert.Empty(stats["byPlatform"]!.AsArray());
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?from=2026-13-01", "from")]
    [InlineData("?to=2026-11-26T08:00:00", "to")]
    [InlineData("?to=26.11.2026", "to")]
    [InlineData("?from=2026-11-26&to=2026-11-20", "to")]
    public async Task A_bad_date_is_a_problem_naming_the_field(string query, string field)
    {
        using var host = WithoutParsing();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/api/stats" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Invalid stats filter", problem["title"]!.GetValue<string>());
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task The_count_reads_only_the_month_index_and_needs_no_sort_so_a_big_store_stays_fast()
    {
        using var host = WithoutParsing();
        using var client = host.CreateClient();
        await StatsAsync(client);
        await using var connection = await host.Services.GetRequiredService<Database>().OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + StatsStore.CountQuery;
        foreach (var (name, value) in new[] { ("$from", "2026-11-01T00:00:00.000Z"), ("$to", "2026-12-01T00:00:00.000Z"), ("$fromMonth", "2026-11"), ("$toMonth", "2026-12") })
        {
            explain.Parameters.AddWithValue(name, value);
        }

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        // A seek in the covering index, grouped in index order: no table rows read, no temporary B-tree to sort 100k keys.
        Assert.Contains(plan, step => step.StartsWith("SEARCH snapshots USING COVERING INDEX snapshots_by_month", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}
