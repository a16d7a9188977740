namespace ReceiptGuard.Host.Storage;

/// <summary>Where this host keeps its database and artifacts. Resolved once, created on first use.</summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(ArtifactsRoot);
    }

    public string Root { get; }

    public string DatabasePath => Path.Combine(Root, "receiptguard.db");

    public string ArtifactsRoot => Path.Combine(Root, "artifacts");

    /// <summary>The host's signing key; back it up with the data (a new key cannot sign for old snapshots).</summary>
    public string KeysRoot => Path.Combine(Root, "keys");
}
