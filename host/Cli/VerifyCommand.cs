using ReceiptGuard.Host.Evidence;

namespace ReceiptGuard.Host.Cli;

/// <summary>
/// <c>verify [--data DIR]</c> checks the whole store; <c>verify BUNDLE</c> checks an exported bundle (zip or WACZ)
/// without any store. Exit code 0 when intact, 1 naming the first bad file or entry, 2 for bad usage.
/// </summary>
public static class VerifyCommand
{
    public static async Task<int> RunAsync(CommandLine cli, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (cli.Positionals.Count > 1)
        {
            await error.WriteLineAsync("error: verify takes at most one BUNDLE: verify [BUNDLE] [--data DIR]");
            return 2;
        }

        return cli.Positionals.Count == 1
            ? await BundleCheck.RunAsync(cli.Positionals[0], output, error)
            : await VerifyStoreAsync(cli, output, error, cancellationToken);
    }

    private static async Task<int> VerifyStoreAsync(CommandLine cli, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var store = await StoreContext.OpenAsync(cli, error, cancellationToken: cancellationToken);
        if (store is null)
        {
            return 2;
        }

        var report = await store.Verifier.VerifyAsync(cancellationToken);
        await Print(report, store.Data.Root, output, error);
        return report.Ok ? 0 : 1;
    }

    private static async Task Print(StoreReport report, string root, TextWriter output, TextWriter error)
    {
        if (report.Ok)
        {
            await output.WriteLineAsync(
                $"OK: the store in {root} is intact: {report.Entries} custody entries chained, {report.Snapshots} snapshots, {report.Files} files checked. Signing key {report.KeyFingerprint}.");
            return;
        }

        await error.WriteLineAsync($"FAILED: {report.FirstProblem}");
        foreach (var problem in report.Problems.Skip(1))
        {
            await error.WriteLineAsync($"  also: {problem}");
        }

        await error.WriteLineAsync($"({report.Problems.Count} problem(s); {report.Entries} custody entries, {report.Snapshots} snapshots in {root})");
    }
}
