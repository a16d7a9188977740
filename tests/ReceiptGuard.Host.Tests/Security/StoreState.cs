using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Tests.Security;

/// <summary>What a refused request must not change: stored snapshots, the custody log and the artifact files.</summary>
public sealed record StoreState(long Snapshots, long Custody, int Artifacts)
{
    public static async Task<StoreState> ReadAsync(HostFactory host)
    {
        var database = host.Services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync();
        var artifacts = host.Services.GetRequiredService<DataDirectory>().ArtifactsRoot;
        return new StoreState(
            await CountAsync(connection, "snapshots"),
            await CountAsync(connection, "custody_log"),
            Directory.Exists(artifacts) ? Directory.EnumerateFiles(artifacts, "*", SearchOption.AllDirectories).Count() : 0);
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

public static class Refusals
{
    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>The refusal is problem+json with the status in its body too, and a detail a person can act on.</summary>
    public static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), "the problem has no detail");
        return problem;
    }

    /// <summary>After a refusal the host still stores a good snapshot: it kept serving.</summary>
    /// <param name="waitForParse">false where the client may make no further requests (a rate-limit test's tiny bucket).</param>
    public static async Task AssertStillServesAsync(HttpClient client, bool waitForParse = true)
    {
        var good = Fixtures.WithoutEvidence(Fixtures.NewSnapshot(s => s["html"] = "<p>good</p>"));
        var response = await client.PostAsync("/api/snapshots", Json(good));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // It is parsed in the background, which appends to the custody log: wait, so a later StoreState is stable.
        if (!waitForParse)
        {
            return;
        }

        for (var wait = 0; wait < 200; wait++)
        {
            var stored = await client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{good["id"]!.GetValue<string>()}");
            if (stored?["parse"]?["status"]?.GetValue<string>() is not (null or "pending"))
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("the good snapshot was not parsed within 5 s");
    }
}
