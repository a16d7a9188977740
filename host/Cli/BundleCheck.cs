using ReceiptGuard.Host.Evidence.Export;

namespace ReceiptGuard.Host.Cli;

/// <summary><c>verify BUNDLE</c>: checks an exported zip or WACZ on its own, trusting nothing but the maths.</summary>
public static class BundleCheck
{
    public static async Task<int> RunAsync(string path, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"error: no such file: {path}");
            return 2;
        }

        BundleReport report;
        await using (var file = File.OpenRead(path))
        {
            report = BundleVerifier.Verify(file);
        }

        if (!report.Ok)
        {
            await error.WriteLineAsync($"FAILED: {path}: {report.FirstProblem}");
            return 1;
        }

        await output.WriteLineAsync($"OK: {path} is intact: {report.Checked.Count} checks passed.");
        await output.WriteLineAsync($"Signed by key {report.KeyFingerprint}: compare it with the fingerprint the sender's ReceiptGuard shows.");
        return 0;
    }
}
