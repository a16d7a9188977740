using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.SignalR.Client;
using ReceiptGuard.Testing;

namespace ReceiptGuard.Bench;

/// <summary>
/// Host ingest of a 300 KB page: POST → stored → SignalR push received, per snapshot, against the real host process.
/// Baseline, in the same run: AngleSharp parsing the same page (what the host will do to every page later).
/// </summary>
public static class IngestBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var page = SamplePages.TaobaoList(settings.RepositoryRoot, 300 * 1024);
        var pageKb = Encoding.UTF8.GetByteCount(page) / 1024;
        Console.WriteLine($"ingest: {settings.IngestSnapshots} snapshots of a {pageKb} KB page");

        await using var host = await HostProcess.StartAsync(settings.HostAssembly, settings.NewDataDirectory());
        using var http = await host.PairAsync("bench");
        var pushed = new ConcurrentDictionary<string, TaskCompletionSource>();
        var token = http.DefaultRequestHeaders.Authorization!.Parameter;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/guard"), options => options.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        hub.On<JsonElement>("SnapshotStored", s =>
        {
            if (pushed.TryGetValue(s.GetProperty("id").GetString()!, out var arrived))
            {
                arrived.TrySetResult();
            }
        });
        await hub.StartAsync();

        async Task<double> IngestOnceAsync(int n)
        {
            var id = Guid.NewGuid().ToString("D");
            var arrived = pushed.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            // Every page differs a little, as real captures do, so none is deduplicated away.
            var snapshot = new JsonObject
            {
                ["v"] = 1,
                ["id"] = id,
                ["url"] = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm",
                ["title"] = "已买到的宝贝",
                ["capturedAt"] = DateTimeOffset.UtcNow.ToString("O"),
                ["html"] = page.Replace("</body>", $"<!-- capture {n} --></body>", StringComparison.Ordinal),
                ["decision"] = "confirmed",
                ["site"] = "taobao",
                ["buttonText"] = "确认收货",
            };
            using var content = JsonContent.Create(snapshot);
            await content.LoadIntoBufferAsync();
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsync("/api/snapshots", content);
            response.EnsureSuccessStatusCode();
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var elapsed = clock.Elapsed.TotalMilliseconds;
            pushed.TryRemove(id, out _);
            return elapsed;
        }

        for (var i = 0; i < settings.Warmup; i++)
        {
            await IngestOnceAsync(-1 - i);
        }

        var ingest = new List<double>();
        for (var i = 0; i < settings.IngestSnapshots; i++)
        {
            ingest.Add(await IngestOnceAsync(i));
        }

        var parse = MeasureParse(page, settings.Warmup, settings.IngestSnapshots);
        var name = $"host ingest {pageKb} KB page (POST → stored → pushed)";
        const string baseline = "AngleSharp ParseDocument, same page";
        return
        [
            BenchResult.Against($"{name}, median", Stats.Median(ingest), "ms", $"{baseline}, median", Stats.Median(parse)),
            BenchResult.Against($"{name}, p95", Stats.Percentile(ingest, 95), "ms", $"{baseline}, p95", Stats.Percentile(parse, 95)),
        ];
    }

    private static List<double> MeasureParse(string page, int warmup, int count)
    {
        var parser = new HtmlParser();
        var times = new List<double>();
        for (var i = 0; i < warmup + count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var document = parser.ParseDocument(page);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (i >= warmup)
            {
                times.Add(elapsed);
            }
        }

        return times;
    }
}
