using System.Reflection;

namespace ReceiptGuard.Bench;

public sealed record BenchSettings(string RepositoryRoot, string HostAssembly, string WorkDirectory)
{
    public int Warmup { get; init; } = 20;

    public int IngestSnapshots { get; init; } = 200;

    public int StartupRuns { get; init; } = 5;

    public TimeSpan IdleSettle { get; init; } = TimeSpan.FromSeconds(3);

    public static BenchSettings FromBuild()
    {
        string Metadata(string key) => typeof(BenchSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        var root = Metadata("RepositoryRoot");
        return new BenchSettings(root, Metadata("HostAssembly"), Path.Combine(root, ".tmp", "bench"));
    }

    public string NewDataDirectory()
    {
        var path = Path.Combine(WorkDirectory, $"data-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
