namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>One file of an export archive, by its path inside the zip.</summary>
internal sealed record BundleEntry(string Path, byte[] Content)
{
    public string Sha256 { get; } = ExportFormat.Sha256Hex(Content);
}
