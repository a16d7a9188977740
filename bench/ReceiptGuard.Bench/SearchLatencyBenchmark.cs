using System.Diagnostics;
using ReceiptGuard.Testing;

namespace ReceiptGuard.Bench;

/// <summary>
/// Search latency over a large store: GET /api/search against the real host process on a data folder of
/// <see cref="BenchSettings.SearchRows"/> generated snapshots, for a mix of two-character Chinese words (LIKE: below
/// the trigram length), four-character Chinese words, order ids and English words. Baseline, in the same run and
/// interleaved with the searches: GET /api/health, the cost of any request to the host.
/// </summary>
public static class SearchLatencyBenchmark
{
    private const double GoalP95Ms = 30;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var generating = Stopwatch.StartNew();
        var corpus = await SearchCorpus.CreateAsync(settings.NewDataDirectory(), settings.SearchRows, seed: 11);
        Console.WriteLine($"store: search, {settings.SearchRows:N0} snapshots generated in {generating.Elapsed.TotalSeconds:F1} s");

        await using var host = await HostProcess.StartAsync(settings.HostAssembly, corpus.DataDirectory);
        using var http = await host.PairAsync("bench");
        var random = new Random(5);
        var queries = Enumerable.Range(0, settings.SearchQueries).Select(n => Query(corpus, random, n)).ToArray();

        foreach (var (_, query) in queries.Take(settings.Warmup))
        {
            await TimeAsync(http, Search(query));
            await TimeAsync(http, "/api/health");
        }

        var search = new List<double>();
        var health = new List<double>();
        var byKind = new Dictionary<string, List<double>>();
        foreach (var (kind, query) in queries)
        {
            var elapsed = await TimeAsync(http, Search(query));
            search.Add(elapsed);
            (byKind.TryGetValue(kind, out var times) ? times : byKind[kind] = []).Add(elapsed);
            health.Add(await TimeAsync(http, "/api/health"));
        }

        foreach (var (kind, times) in byKind)
        {
            Console.WriteLine($"  search {kind}: p50 {Stats.Median(times):F2} ms, p95 {Stats.Percentile(times, 95):F2} ms");
        }

        var name = $"store: GET /api/search over {settings.SearchRows:N0} snapshots (2- and 4-character Chinese words, order ids, English words; limit 50)";
        const string baseline = "GET /api/health, same run";
        var p95 = Stats.Percentile(search, 95);
        return
        [
            BenchResult.Against($"{name}, p50", Stats.Median(search), "ms", $"{baseline}, p50", Stats.Median(health)),
            BenchResult.Against($"{name}, p95", p95, "ms", $"{baseline}, p95", Stats.Percentile(health, 95), $"≤ {GoalP95Ms} ms", p95 <= GoalP95Ms),
        ];
    }

    private static (string Kind, string Query) Query(SearchCorpus corpus, Random random, int n) => (n % 4) switch
    {
        0 => ("2-character Chinese word", SearchCorpus.ChineseTwo[random.Next(SearchCorpus.ChineseTwo.Length)]),
        1 => ("4-character Chinese word", SearchCorpus.ChineseFour[random.Next(SearchCorpus.ChineseFour.Length)]),
        2 => ("order id", corpus.OrderIds[random.Next(corpus.OrderIds.Count)]),
        _ => ("English word", SearchCorpus.English[random.Next(SearchCorpus.English.Length)]),
    };

    private static string Search(string query) => $"/api/search?q={Uri.EscapeDataString(query)}&limit=50";

    private static async Task<double> TimeAsync(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return clock.Elapsed.TotalMilliseconds;
    }
}
