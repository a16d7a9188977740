namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>bundle.json: what the bundle holds and the SHA-256 and size of every other file; bundle.sig signs its bytes.</summary>
internal sealed record BundleDocument(
    string Format,
    string Title,
    string Created,
    string HostVersion,
    BundleSigningKey SigningKey,
    IReadOnlyList<BundleSnapshot> Snapshots,
    IReadOnlyList<BundleFile> Files)
{
    public const string CurrentFormat = "receiptguard-bundle/1";
    public const string FileName = "bundle.json";
    public const string SignatureFileName = "bundle.sig";
    public const string PublicKeyFileName = "public-key.pem";
    public const string ReadmeFileName = "README.txt";
}

internal sealed record BundleSigningKey(string Algorithm, string Fingerprint);

internal sealed record BundleSnapshot(Guid Id, string Url, string Title, string CapturedAt, string Folder);

internal sealed record BundleFile(string Path, string Sha256, long Size);
