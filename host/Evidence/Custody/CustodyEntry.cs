using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReceiptGuard.Host.Evidence.Custody;

/// <summary>What a custody-log entry records.</summary>
public static class CustodyKinds
{
    public const string Stored = "snapshot.stored";
    public const string Parsed = "snapshot.parsed";
    public const string Timestamped = "snapshot.timestamped";
    public const string NoteAdded = "note.added";
    public const string Exported = "exported";
    public const string Deleted = "snapshot.deleted";
}

/// <summary>
/// One entry of the append-only custody log. <see cref="Hash"/> is the SHA-256 of <see cref="HashInput"/>: the entry's
/// fields and the previous entry's hash, so editing, removing or reordering any entry breaks every hash after it.
/// <see cref="Detail"/> is compact JSON kept as the exact text that was hashed.
/// </summary>
public sealed record CustodyEntry(long Seq, string At, string Kind, string? SnapshotId, string Detail, string PreviousHash, string Hash)
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The hashed text, one field per line: seq, at (UTC, ISO 8601 with milliseconds and Z), kind, snapshot id (empty
    /// when none), detail JSON, previous hash. Written down in the export README so anyone can recompute it.
    /// </summary>
    public static string HashInput(long seq, string at, string kind, string? snapshotId, string detail, string previousHash) =>
        string.Join('\n', seq.ToString(CultureInfo.InvariantCulture), at, kind, snapshotId ?? "", detail, previousHash);

    public static string ComputeHash(long seq, string at, string kind, string? snapshotId, string detail, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(HashInput(seq, at, kind, snapshotId, detail, previousHash))));

    public static CustodyEntry Create(long seq, string at, string kind, string? snapshotId, string detail, string previousHash) =>
        new(seq, at, kind, snapshotId, detail, previousHash, ComputeHash(seq, at, kind, snapshotId, detail, previousHash));

    /// <summary>True when <see cref="Hash"/> is what this entry's fields hash to.</summary>
    public bool IsIntact => Hash == ComputeHash(Seq, At, Kind, SnapshotId, Detail, PreviousHash);
}
