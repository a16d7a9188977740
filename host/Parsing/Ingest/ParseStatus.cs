namespace ReceiptGuard.Host.Parsing.Ingest;

public enum ParseState
{
    /// <summary>Not parsed yet (queued, or stored while the host was not parsing).</summary>
    Pending,
    Parsed,

    /// <summary>The stored page could not be read or parsed; <see cref="ParseStatus.Error"/> says why. The snapshot is intact.</summary>
    Failed,
}

/// <summary>A snapshot's parse result as the snapshot detail JSON shows it (<c>parse</c>).</summary>
public sealed record ParseStatus(
    ParseState Status,
    string? Parser,
    int? Version,
    string? Platform,
    PageKind? Kind,
    string? SubjectOrderId,
    int Orders,
    DateTimeOffset? ParsedAt,
    string? Error)
{
    public static ParseStatus Pending { get; } = new(ParseState.Pending, null, null, null, null, null, 0, null, null);
}
