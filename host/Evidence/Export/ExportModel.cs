using ReceiptGuard.Host.Evidence.Custody;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>One file of a snapshot, named as in its manifest (<c>ManifestFile.Name</c>).</summary>
public sealed record ExportFile(string Name, string MediaType, byte[] Content);

/// <summary>A stored snapshot as the bundle writers need it; every byte array is exactly what the store holds.</summary>
/// <param name="Manifest">The stored manifest bytes, exactly: they are what <paramref name="ManifestSignature"/> signs.</param>
/// <param name="ManifestSignature">DER ECDSA signature of <paramref name="Manifest"/>.</param>
/// <param name="Files">The files the manifest lists.</param>
/// <param name="ParseResult">parsed.json: derived data, not evidence, so optional and not in the manifest.</param>
/// <param name="Timestamp">An RFC 3161 timestamp token (DER), when one was obtained.</param>
public sealed record ExportSnapshot(
    Guid Id,
    string Url,
    string Title,
    DateTimeOffset CapturedAt,
    byte[] Manifest,
    byte[] ManifestSignature,
    IReadOnlyList<ExportFile> Files,
    byte[]? ParseResult,
    byte[]? Timestamp);

/// <summary>What one export holds: the snapshots and the custody-log excerpt about them.</summary>
public sealed record ExportBundle(
    string Title,
    DateTimeOffset CreatedAt,
    string HostVersion,
    IReadOnlyList<ExportSnapshot> Snapshots,
    IReadOnlyList<CustodyEntry> Custody);
