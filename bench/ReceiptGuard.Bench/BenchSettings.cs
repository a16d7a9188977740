

namespace ReceiptGuard.Bench;

public sealed record BenchSettings(string RepositoryRoot, string HostAssembly, string WorkDirectory)
{
    public int Warmup { get; init; } = 20;

    public int IngestSnapshots { get; init; } = 200;

    public int StartupRuns { get; init; } = 5;

    /// <summary>Clicks for the click → dialog figure (at least 100).</summary>
    public int Clicks { get; init; } = 100;

    /// <summary>Page loads per browser for the load-cost figure.</summary>
    public int Loads { get; init; } = 25;

    public int Appends { get; init; } = 15;

    /// <summary>Timed captures per engine on the same loaded page, after <see cref="CaptureWarmup"/> untimed ones.</summary>
    public int Captures { get; init; } = 30;

    public int CaptureWarmup { get; init; } = 5;

    /// <summary>Timed parses per fixture page (each against a bare AngleSharp parse), after <see cref="Warmup"/> untimed ones.</summary>
    public int Parses { get; init; } = 200;

    /// <summary>The least time each fixture page is parsed untimed before timing (so the JIT has optimized the parser).</summary>
    public TimeSpan ParseWarmupTime { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Snapshots timed for the store's ingest throughput, and the concurrent clients sending them.</summary>
    public int ThroughputSnapshots { get; init; } = 2000;

    public int ThroughputClients { get; init; } = 8;

    /// <summary>Generated snapshots in the data folder the search latency is measured on, and the searches timed.</summary>
    public int SearchRows { get; init; } = 100_000;

    public int SearchQueries { get; init; } = 200;

    /// <summary>Requests in the timed load run (and in its /api/health baseline), bounded to 60 s each.</summary>
    public int LoadRequests { get; init; } = 2000;

    public TimeSpan IdleSettle { get; init; } = TimeSpan.FromSeconds(3);

    public static BenchSettings FromBuild() =>
        new(Testing.RepositoryPaths.Root, Testing.RepositoryPaths.HostAssembly, Path.Combine(Testing.RepositoryPaths.Root, ".tmp", "bench"));

    public string NewDataDirectory()
    {
        var path = Path.Combine(WorkDirectory, $"data-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
