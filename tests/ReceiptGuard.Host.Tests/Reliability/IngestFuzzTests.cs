using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ReceiptGuard.Host.Tests.Reliability;

/// <summary>
/// A bounded, seeded fuzz loop over POST /api/snapshots: the protocol example mutated (fields dropped, duplicated,
/// retyped, huge strings, deep nesting, invalid UTF-8, truncation, wrong content types, random bytes). Never a 500,
/// every refusal a problem+json, every acceptance really stored, the store check passing at the end, and the host
/// still answering. (The parsers have their own fuzz loop: Parsing/ParserFuzzTests.)
/// </summary>
public sealed class IngestFuzzTests : IDisposable
{
    private const int Seed = 9_2026;
    private const int Cases = 1000;

    private static readonly string[] Fields = ["v", "id", "url", "title", "capturedAt", "html", "decision", "site", "buttonText", "orderHint", "capture", "embeddedData", "screenshot", "screenshotError", "context"];
    private static readonly string[] ContentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", ""];

    private readonly HostFactory _host = new();
    private readonly HttpClient _client;
    private readonly ITestOutputHelper _output;

    public IngestFuzzTests(ITestOutputHelper output)
    {
        _output = output;
        _client = ApiClients.For(_host);
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task Mutated_snapshots_never_get_a_500_every_refusal_is_problem_json_and_the_store_stays_whole()
    {
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var statuses = new SortedDictionary<int, int>();
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < Cases; n++)
        {
            var (body, contentType, mutation) = Mutate(random);
            using var content = new ByteArrayContent(body);
            if (contentType.Length > 0)
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            using var response = await _client.PostAsync("/api/snapshots", content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var answer = await response.Content.ReadAsStringAsync();
            Assert.True(status < 500, $"case {n} ({mutation}): {status} {answer}");
            if (response.IsSuccessStatusCode)
            {
                accepted.Add(JsonNode.Parse(answer)!["id"]!.GetValue<string>());
            }
            else
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"case {n} ({mutation}): {status} as {response.Content.Headers.ContentType}: {answer}");
            }
        }

        _output.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:F1} s: {string.Join(", ", statuses.Select(s => $"{s.Value}× {s.Key}"))}; {accepted.Count} stored");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/health")).StatusCode);
        var verify = await _client.GetFromJsonAsync<JsonObject>("/api/evidence/verify");
        Assert.NotNull(verify);
        Assert.True(verify["ok"]!.GetValue<bool>(), verify.ToJsonString());
        // Exactly what was acknowledged is stored: no refusal left a row behind.
        Assert.Equal(accepted.Count, verify["snapshots"]!.GetValue<int>());
        Assert.True(accepted.Count > 0 && accepted.Count < Cases, "the mutations should both pass and fail validation");
    }

    private static (byte[] Body, string ContentType, string Mutation) Mutate(Random random)
    {
        var snapshot = Fixtures.NewSnapshot();
        var field = Fields[random.Next(Fields.Length)];
        var kind = random.Next(12);
        string json;
        string mutation;
        switch (kind)
        {
            case 0:
                snapshot.Remove(field);
                (json, mutation) = (snapshot.ToJsonString(), $"drop {field}");
                break;
            case 1:
                // A member twice: the text is edited, since JsonObject cannot hold duplicates.
                json = snapshot.ToJsonString();
                json = json.Insert(1, $"\"{field}\":{Retype(random)?.ToJsonString() ?? "null"},");
                mutation = $"duplicate {field}";
                break;
            case 2:
                snapshot[field] = Retype(random);
                (json, mutation) = (snapshot.ToJsonString(), $"retype {field}");
                break;
            case 3:
                snapshot[field] = new string((char)random.Next(0x20, 0x3000), random.Next(10_000, 2_000_000));
                (json, mutation) = (snapshot.ToJsonString(), $"huge {field}");
                break;
            case 4:
                var depth = random.Next(10, 5000);
                snapshot[field] = "NEST";
                json = snapshot.ToJsonString().Replace("\"NEST\"", new string('[', depth) + new string(']', depth), StringComparison.Ordinal);
                mutation = $"nest {field} {depth}";
                break;
            case 5:
                var bytes = Encoding.UTF8.GetBytes(snapshot.ToJsonString());
                var at = random.Next(bytes.Length);
                bytes[at] = (byte)(0x80 + random.Next(0x80));
                return (bytes, "application/json", $"invalid UTF-8 at {at}");
            case 6:
                var whole = Encoding.UTF8.GetBytes(snapshot.ToJsonString());
                var length = random.Next(whole.Length);
                return (whole[..length], "application/json", $"truncate at {length}");
            case 7:
                return (Encoding.UTF8.GetBytes(snapshot.ToJsonString()), ContentTypes[random.Next(ContentTypes.Length)], "content type");
            case 8:
                var noise = new byte[random.Next(0, 4096)];
                random.NextBytes(noise);
                return (noise, "application/json", $"{noise.Length} random bytes");
            case 9:
                snapshot[field] = field is "url" or "screenshot" ? RandomText(random, 200) : random.Next(3) switch { 0 => "", 1 => " ", _ => RandomText(random, 50) };
                (json, mutation) = (snapshot.ToJsonString(), $"odd value for {field}");
                break;
            case 10:
                json = random.Next(4) switch { 0 => "null", 1 => "[]", 2 => "\"snapshot\"", _ => "{}" };
                mutation = $"not an object: {json}";
                break;
            default:
                // Unchanged but for a fresh page: these should be stored.
                snapshot["html"] = $"<html><body>fuzz {random.Next()}</body></html>";
                (json, mutation) = (snapshot.ToJsonString(), "valid");
                break;
        }

        return (Encoding.UTF8.GetBytes(json), "application/json", mutation);
    }

    private static JsonNode? Retype(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next()),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => new JsonArray(1, "two", null),
        4 => new JsonObject { ["x"] = 1 },
        _ => JsonValue.Create(random.NextDouble() * 1e300),
    };

    private static string RandomText(Random random, int max)
    {
        var text = new StringBuilder();
        for (var i = random.Next(1, max); i > 0; i--)
        {
            text.Append((char)random.Next(0, 0xD800));
        }

        return text.ToString();
    }
}
