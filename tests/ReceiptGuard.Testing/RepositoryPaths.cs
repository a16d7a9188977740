namespace ReceiptGuard.Testing;

/// <summary>Where the pieces under test live, found from the running assembly's folder up to the repository root.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The host built in the same configuration as the caller (Debug for tests, Release for benchmarks).</summary>
    public static string HostAssembly { get; } = Path.Combine(Root, "host", "bin",
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        "net10.0", "ReceiptGuard.Host.dll");

    public static string ExtensionDist { get; } = Path.Combine(Root, "extension", "dist");

    public static string Fixtures { get; } = Path.Combine(Root, "tests", "fixtures");

    public static string ShopFixtures { get; } = Path.Combine(Fixtures, "shops");

    /// <summary>Screenshots and traces of failed tests, benchmark scratch files; kept after the run (gitignored).</summary>
    public static string Artifacts { get; } = Path.Combine(Root, "artifacts");

    public static string NewTempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), "receiptguard", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExtensionHost.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no ExtensionHost.sln above {AppContext.BaseDirectory}");
    }
}
