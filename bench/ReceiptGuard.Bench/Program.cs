using System.Text.Encodings.Web;
using System.Text.Json;
using ReceiptGuard.Bench;

// Runs the host, guard and capture benchmarks and writes their figures as a JSON array (see bench/README or scripts/bench.mjs).
// Usage: ReceiptGuard.Bench --out FILE [--quick]
var outPath = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "bench-host.json";
var settings = BenchSettings.FromBuild();
if (args.Contains("--quick"))
{
    settings = settings with { Warmup = 3, IngestSnapshots = 20, StartupRuns = 2, IdleSettle = TimeSpan.FromSeconds(1), Clicks = 10, Loads = 3, Appends = 3, Captures = 5, CaptureWarmup = 2, Parses = 5, ParseWarmupTime = TimeSpan.FromMilliseconds(50),
        ThroughputSnapshots = 200, SearchRows = 5_000, SearchQueries = 40, LoadRequests = 400 };
}

Directory.CreateDirectory(settings.WorkDirectory);
var results = new List<BenchResult>();
try
{
    // BENCH_ONLY=click,load,append,capture,parse,store,serve runs a subset (the host figures run only when it is unset).
    var only = Environment.GetEnvironmentVariable("BENCH_ONLY")?.Split(',');
    bool Selected(params string[] names) => only is null || names.Any(only.Contains);
    if (only is null)
    {
        results.AddRange(await StartupBenchmark.RunAsync(settings));
        results.AddRange(await IngestBenchmark.RunAsync(settings));
    }

    if (Selected("store"))
    {
        results.AddRange(await IngestThroughputBenchmark.RunAsync(settings));
        results.AddRange(await SearchLatencyBenchmark.RunAsync(settings));
    }

    if (Selected("serve"))
    {
        results.AddRange(await LoadBenchmark.RunAsync(settings));
    }

    if (Selected("click", "load", "append"))
    {
        results.AddRange(await GuardBenchmarks.RunAsync(settings));
    }

    if (Selected("capture"))
    {
        results.AddRange(await CaptureBenchmark.RunAsync(settings));
    }

    if (Selected("parse"))
    {
        results.AddRange(ParseBenchmark.Run(settings));
    }
}
finally
{
    Directory.Delete(settings.WorkDirectory, recursive: true);
}

var json = JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
await File.WriteAllTextAsync(outPath, json);
foreach (var r in results)
{
    Console.WriteLine($"{r.Name}: {r.Value} {r.Unit}" + (r.BaselineValue is { } b ? $" (baseline {b} {r.Unit}, ×{r.Ratio})" : "") + (r.Goal is { } g ? $" goal {g}: {(r.Pass == true ? "pass" : "FAIL")}" : ""));
}
