

namespace ReceiptGuard.Bench;

public sealed record BenchSettings(string RepositoryRoot, string HostAssembly, string WorkDirectory)
{
    public int Warmup { get; init; } = 20;

    public int IngestSnapshots { get; init; } = 200;

    public int StartupRuns { get; init; } = 5;

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
