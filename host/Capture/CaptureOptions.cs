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

    /// <summary>
    /// 48 MiB: the extension's largest inline budget (32 MiB, about 43 MiB as base64) plus the page's own markup.
    /// Checked on the page alone, so one field cannot take the whole snapshot body.
    /// </summary>
    public const long DefaultMaxPageBytes = 48L * 1024 * 1024;

    /// <summary>Largest <c>html</c> in UTF-8 bytes (<c>ReceiptGuard:MaxPageBytes</c>).</summary>
    [Range(1, long.MaxValue)]
    public long MaxPageBytes { get; set; } = DefaultMaxPageBytes;

    /// <summary>16 MiB: the state scripts a shop page embeds are a few hundred KB; far more is not order data.</summary>
    public const long DefaultMaxEmbeddedDataBytes = 16L * 1024 * 1024;

    /// <summary>Largest total text of <c>embeddedData</c> in UTF-8 bytes (<c>ReceiptGuard:MaxEmbeddedDataBytes</c>).</summary>
    [Range(1, long.MaxValue)]
    public long MaxEmbeddedDataBytes { get; set; } = DefaultMaxEmbeddedDataBytes;
}

/// <summary>Endpoint metadata that routing applies to the server's per-request body limit.</summary>
public sealed class SnapshotBodyLimit(long maxRequestBodySize) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxRequestBodySize;
}
