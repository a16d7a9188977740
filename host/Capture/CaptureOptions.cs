using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Metadata;

namespace ReceiptGuard.Host.Capture;

/// <summary>Limits of snapshot ingest, read from the <c>ReceiptGuard</c> configuration section.</summary>
public sealed class CaptureOptions
{
    public const string Section = "ReceiptGuard";

    /// <summary>64 MiB: a 10 MB page with its images inlined, a screenshot and JSON escaping fit; Kestrel's 30 MB would not.</summary>
    public const long DefaultMaxSnapshotBytes = 64L * 1024 * 1024;

    /// <summary>Largest POST /api/snapshots body accepted (configuration key <c>ReceiptGuard:MaxSnapshotBytes</c>).</summary>
    [Range(1, long.MaxValue)]
    public long MaxSnapshotBytes { get; set; } = DefaultMaxSnapshotBytes;
}

/// <summary>Endpoint metadata that routing applies to the server's per-request body limit.</summary>
public sealed class SnapshotBodyLimit(long maxRequestBodySize) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxRequestBodySize;
}
