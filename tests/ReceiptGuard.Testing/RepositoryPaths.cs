using System.Reflection;

namespace ReceiptGuard.E2E.Infrastructure;

/// <summary>Where the pieces under test live, as recorded at build time.</summary>
public static class Paths
{
    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is empty");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string HostAssembly { get; } = Metadata("HostAssembly");

    public static string ExtensionDist { get; } = Path.Combine(RepositoryRoot, "extension", "dist");

    public static string Fixtures { get; } = Path.Combine(RepositoryRoot, "tests", "fixtures");

    /// <summary>Screenshots and traces of failed tests; kept after the run (gitignored).</summary>
    public static string Artifacts { get; } = Path.Combine(RepositoryRoot, "artifacts", "e2e");

    public static string NewTempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), "receiptguard-e2e", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
