using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ReceiptGuard.Testing;

namespace ReceiptGuard.Bench;

/// <summary>
/// Ingest throughput: snapshots per second acknowledged (201) by the real host process on loopback, from
/// <see cref="BenchSettings.ThroughputClients"/> concurrent clients, each snapshot a distinct ~100 KB Taobao order list.
/// Baseline, in the same run and at the same concurrency: hashing the same page with SHA-256 and writing it to a new
/// file with fsync, the least any durable content-addressed store has to do per snapshot (the host also compresses,
/// writes a manifest, signs it and commits a transaction, each with its own fsync).
/// </summary>
public static class IngestThroughputBenchmark
{
    private const string IdPlaceholder = "00000000-0000-0000-0000-000000000000";
    private const string CounterPlaceholder = "capture 0000000000";
    private const double GoalPerSecond = 200;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var page = SamplePages.TaobaoList(settings.RepositoryRoot, 100 * 1024).Replace("</body>", $"<!-- {CounterPlaceholder} --></body>", StringComparison.Ordinal);
        var pageKb = Encoding.UTF8.GetByteCount(page) / 1024;
        var body = new SnapshotBodies(page);
        Console.WriteLine($"store: ingest throughput, {settings.ThroughputSnapshots} snapshots of a {pageKb} KB page from {settings.ThroughputClients} clients");

        await using var host = await HostProcess.StartAsync(settings.HostAssembly, settings.NewDataDirectory());
        using var http = await host.PairAsync("bench", new SocketsHttpHandler { MaxConnectionsPerServer = settings.ThroughputClients });
        // A tenth of the run untimed first: the host's JIT tiers up on it, as in a host that has been running a while.
        await RunConcurrentlyAsync(Math.Max(settings.Warmup, settings.ThroughputSnapshots / 10), settings.ThroughputClients, n => PostAsync(http, body.For(-1 - n)));
        var stored = await RunConcurrentlyAsync(settings.ThroughputSnapshots, settings.ThroughputClients, n => PostAsync(http, body.For(n)));

        var scratch = Path.Combine(settings.WorkDirectory, $"fsync-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        var htmlBytes = Encoding.UTF8.GetBytes(page);
        var floor = await RunConcurrentlyAsync(settings.ThroughputSnapshots, settings.ThroughputClients, n => WriteDurablyAsync(scratch, htmlBytes, n));

        var name = $"store: ingest throughput, {pageKb} KB Taobao list page, {settings.ThroughputClients} concurrent clients, {Environment.ProcessorCount} cores (snapshots acknowledged per second)";
        return
        [
            BenchResult.Against(name, stored, "snapshots/s", "SHA-256 + write + fsync of the same page, same concurrency", floor,
                $"≥ {GoalPerSecond} snapshots/s", stored >= GoalPerSecond),
        ];
    }

    /// <summary>Runs <paramref name="count"/> operations on <paramref name="clients"/> workers; returns operations per second.</summary>
    private static async Task<double> RunConcurrentlyAsync(int count, int clients, Func<int, Task> operation)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
            {
                await operation(n);
            }
        })));
        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task PostAsync(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/api/snapshots", content);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task WriteDurablyAsync(string directory, byte[] content, int n)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(content)) + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var file = new FileStream(Path.Combine(directory, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        await file.WriteAsync(content);
        file.Flush(flushToDisk: true);
    }

    /// <summary>
    /// POST bodies made once, as bytes: each request copies them and writes its own id and counter in place, so the
    /// client spends next to no CPU (the host shares the two cores with it) and every snapshot is distinct.
    /// </summary>
    private sealed class SnapshotBodies
    {
        private readonly byte[] _template;
        private readonly int _idAt;
        private readonly int _counterAt;

        public SnapshotBodies(string page)
        {
            var snapshot = new JsonObject
            {
                ["v"] = 1,
                ["id"] = IdPlaceholder,
                ["url"] = "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm",
                ["title"] = "已买到的宝贝",
                ["capturedAt"] = "2026-11-26T08:15:30.125Z",
                ["html"] = page,
                ["decision"] = "confirmed",
                ["site"] = "taobao",
                ["buttonText"] = "确认收货",
            };
            _template = Encoding.UTF8.GetBytes(snapshot.ToJsonString());
            _idAt = _template.AsSpan().IndexOf(Encoding.ASCII.GetBytes(IdPlaceholder));
            _counterAt = _template.AsSpan().IndexOf(Encoding.ASCII.GetBytes(CounterPlaceholder)) + "capture ".Length;
        }

        public byte[] For(int n)
        {
            var body = (byte[])_template.Clone();
            Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("D"), body.AsSpan(_idAt));
            Encoding.ASCII.GetBytes((n & int.MaxValue).ToString("D10", System.Globalization.CultureInfo.InvariantCulture), body.AsSpan(_counterAt));
            return body;
        }
    }
}
