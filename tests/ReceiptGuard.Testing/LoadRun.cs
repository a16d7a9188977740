using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ReceiptGuard.Testing;

/// <summary>Latency percentiles of one kind of request, in milliseconds.</summary>
public sealed record LatencySummary(string Kind, int Count, double P50, double P95, double P99, double Max)
{
    public override string ToString() => $"{Kind}: {Count} requests, p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms";
}

/// <summary>What a load run did: every error (status or exception), the ids acknowledged, latencies per request kind.</summary>
public sealed record LoadOutcome(IReadOnlyList<string> Errors, IReadOnlyList<string> Stored, IReadOnlyList<LatencySummary> Latencies, int Requests, TimeSpan Elapsed)
{
    public LatencySummary All => Latencies.Single(l => l.Kind == "all");
}

/// <summary>
/// Many concurrent clients on loopback, each in turn posting a snapshot and listing (snapshots, orders, search),
/// bounded by a request count and a time limit. Shared by the e2e load test and the load benchmark.
/// </summary>
public static class LoadRun
{
    public static readonly string[] Reads = ["/api/snapshots?limit=20", "/api/orders", "/api/search?q=%E7%A1%AE%E8%AE%A4"];

    /// <param name="createClient">Makes the one HttpClient all clients share (the place a pairing credential goes).</param>
    /// <param name="paths">When set, only GETs of these paths (the baseline: e.g. /api/health).</param>
    public static async Task<LoadOutcome> RunAsync(Func<int, HttpClient> createClient, int clients, int maxRequests, TimeSpan timeLimit, IReadOnlyList<string>? paths = null)
    {
        using var http = createClient(clients);
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "protocol", "snapshot-v1.json")))!.AsObject();
        var errors = new List<string>();
        var stored = new List<string>();
        var latencies = new Dictionary<string, List<double>>();
        var next = -1;
        var clock = Stopwatch.StartNew();

        async Task ClientAsync(int client)
        {
            for (var n = Interlocked.Increment(ref next); n < maxRequests && clock.Elapsed < timeLimit; n = Interlocked.Increment(ref next))
            {
                string kind;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (paths is not null)
                    {
                        kind = paths[n % paths.Count];
                        using var response = await http.GetAsync(kind);
                        await CheckAsync(response, HttpStatusCode.OK, kind);
                    }
                    else if (n % 4 == 0)
                    {
                        kind = "POST /api/snapshots";
                        var snapshot = template.DeepClone().AsObject();
                        var id = Guid.NewGuid().ToString("D");
                        snapshot["id"] = id;
                        snapshot["html"] = $"<html><body><h1>已买到的宝贝</h1><p>load client {client} request {n} {id}</p></body></html>";
                        using var content = new StringContent(snapshot.ToJsonString(), Encoding.UTF8);
                        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                        using var response = await http.PostAsync("/api/snapshots", content);
                        await CheckAsync(response, HttpStatusCode.Created, kind);
                        lock (stored)
                        {
                            stored.Add(id);
                        }
                    }
                    else
                    {
                        kind = Reads[n % Reads.Length];
                        using var response = await http.GetAsync(kind);
                        await CheckAsync(response, HttpStatusCode.OK, kind);
                    }
                }
                catch (Exception exception)
                {
                    lock (errors)
                    {
                        errors.Add($"request {n}: {exception.Message}");
                    }

                    continue;
                }

                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    foreach (var key in new[] { kind.Split('?')[0], "all" })
                    {
                        if (!latencies.TryGetValue(key, out var list))
                        {
                            latencies[key] = list = [];
                        }

                        list.Add(ms);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c))));
        var elapsed = clock.Elapsed;
        var summaries = latencies.OrderBy(l => l.Key == "all" ? 1 : 0).ThenBy(l => l.Key, StringComparer.Ordinal).Select(l => Summarize(l.Key, l.Value)).ToList();
        return new LoadOutcome(errors, stored, summaries, latencies.GetValueOrDefault("all")?.Count ?? 0, elapsed);
    }

    private static async Task CheckAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        // Read the whole answer: a list is not served until its last byte is.
        await response.Content.ReadAsByteArrayAsync();
    }

    public static LatencySummary Summarize(string kind, List<double> values)
    {
        values.Sort();
        double At(double p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
        return new LatencySummary(kind, values.Count, At(0.50), At(0.95), At(0.99), values[^1]);
    }
}
