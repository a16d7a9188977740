using ReceiptGuard.Host.Capture;
using ReceiptGuard.Host.Evidence;
using ReceiptGuard.Host.Evidence.Signing;
using ReceiptGuard.Host.Parsing.Ingest;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Cli;

/// <summary>
/// The store as the command-line tools use it (no web host): the data folder from <c>--data</c>, migrated, with the
/// host's signing key. The running host and a command may share a data folder: SQLite's WAL and one transaction per
/// change keep both consistent.
/// </summary>
public sealed class StoreContext : IDisposable
{
    private StoreContext(DataDirectory data)
    {
        Data = data;
        Database = new Database(data);
        Artifacts = new ArtifactStore(data);
        SigningKey = SigningKey.LoadOrCreate(data.KeysRoot);
        Snapshots = new SnapshotStore(Database, Artifacts, SigningKey, TimeProvider.System);
        ParseResults = new ParseResultStore(Database, Artifacts, TimeProvider.System);
        Parsing = new SnapshotParsing(Snapshots, Artifacts, ParseResults);
        Evidence = new EvidenceStore(Database, Artifacts, TimeProvider.System);
        Verifier = new StoreVerifier(Database, Artifacts, SigningKey);
    }

    public DataDirectory Data { get; }
    public Database Database { get; }
    public ArtifactStore Artifacts { get; }
    public SigningKey SigningKey { get; }
    public SnapshotStore Snapshots { get; }
    public ParseResultStore ParseResults { get; }
    public SnapshotParsing Parsing { get; }
    public EvidenceStore Evidence { get; }
    public StoreVerifier Verifier { get; }

    /// <param name="create">Make the data folder when it holds no database yet (import); else that is an error.</param>
    /// <returns>null, having said why on <paramref name="error"/>, when there is no store to open.</returns>
    public static async Task<StoreContext?> OpenAsync(CommandLine cli, TextWriter error, bool create = false, CancellationToken cancellationToken = default)
    {
        var root = ReceiptGuardDefaults.ResolveDataDirectory(cli.Option("data"));
        if (!create && !File.Exists(Path.Combine(root, "receiptguard.db")))
        {
            // Not a data folder (a typo in --data): say so rather than create an empty store there.
            await error.WriteLineAsync($"error: {root} holds no ReceiptGuard database. Pass --data DIR with the host's data folder.");
            return null;
        }

        var context = new StoreContext(new DataDirectory(root));
        await using (var connection = await context.Database.OpenAsync(cancellationToken))
        {
            await Migrations.ApplyAsync(connection, cancellationToken);
        }

        await context.Snapshots.BackfillManifestsAsync(cancellationToken);
        return context;
    }

    public void Dispose() => SigningKey.Dispose();
}
