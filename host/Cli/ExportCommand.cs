using ReceiptGuard.Host.Evidence;

namespace ReceiptGuard.Host.Cli;

/// <summary>
/// <c>export (--order ID | --snapshot ID | --all) --out FILE [--format zip|wacz] [--data DIR]</c>: writes a verifiable
/// bundle. The file appears only when complete (written beside it, then renamed); the export is logged with its hash.
/// </summary>
public static class ExportCommand
{
    public const string Usage = "export (--order ID | --snapshot ID | --all) --out FILE [--format zip|wacz] [--data DIR]";

    public static async Task<int> RunAsync(CommandLine cli, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var (selection, format, outPath, problem) = Read(cli);
        if (problem is not null)
        {
            await error.WriteLineAsync($"error: {problem}{Environment.NewLine}usage: {Usage}");
            return 2;
        }

        using var store = await StoreContext.OpenAsync(cli, error, cancellationToken: cancellationToken);
        if (store is null)
        {
            return 2;
        }

        var exporter = new EvidenceExporter(store.Database, store.Artifacts, store.Evidence, store.Snapshots, store.SigningKey, TimeProvider.System);
        var ids = await exporter.SelectAsync(selection!, cancellationToken);
        if (ids.Count == 0)
        {
            await error.WriteLineAsync($"error: no snapshot in {store.Data.Root} matches {selection!.Describe()}; nothing written.");
            return 1;
        }

        var full = Path.GetFullPath(outPath!);
        var temp = $"{full}.{Guid.NewGuid():N}.partial";
        try
        {
            ExportOutcome outcome;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                outcome = await exporter.WriteAsync(ids, selection!, format, file, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
            await output.WriteLineAsync($"Wrote {full}: {outcome.Snapshots} snapshot(s) of {selection!.Describe()}, {outcome.Bytes / 1024.0:0.#} KB, sha256 {outcome.BundleSha256}.");
            await output.WriteLineAsync($"Signed with key {store.SigningKey.Fingerprint}. Check it with: verify {Path.GetFileName(full)}");
            return 0;
        }
        catch (InvalidDataException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}; nothing written.");
            return 1;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static (ExportSelection? Selection, BundleFormat Format, string? Out, string? Problem) Read(CommandLine cli)
    {
        var order = cli.Option("order");
        var snapshot = cli.Option("snapshot");
        var all = cli.Option("all") is not null;
        if ((order is not null ? 1 : 0) + (snapshot is not null ? 1 : 0) + (all ? 1 : 0) != 1)
        {
            return (null, default, null, "choose exactly one of --order ID, --snapshot ID, --all.");
        }

        Guid? snapshotId = null;
        if (snapshot is not null)
        {
            if (!Guid.TryParse(snapshot, out var id))
            {
                return (null, default, null, $"--snapshot '{snapshot}' is not a snapshot id (a GUID).");
            }

            snapshotId = id;
        }

        var format = (cli.Option("format") ?? "zip").ToLowerInvariant() switch
        {
            "zip" => BundleFormat.Zip,
            "wacz" => (BundleFormat?)BundleFormat.Wacz,
            _ => null,
        };
        if (format is null)
        {
            return (null, default, null, $"--format '{cli.Option("format")}' is not zip or wacz.");
        }

        var outPath = cli.Option("out");
        if (string.IsNullOrWhiteSpace(outPath))
        {
            return (null, default, null, "--out FILE is required.");
        }

        if (Path.GetDirectoryName(Path.GetFullPath(outPath)) is { } directory && !Directory.Exists(directory))
        {
            return (null, default, null, $"the folder {directory} does not exist.");
        }

        return (new ExportSelection(order, snapshotId, all), format.Value, outPath, null);
    }
}
