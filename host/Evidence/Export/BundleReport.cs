namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>What verifying an export found.</summary>
/// <param name="FirstProblem">The first check that failed, naming the file or entry; null when <paramref name="Ok"/>.</param>
/// <param name="KeyFingerprint">The fingerprint of the key the bundle says signed it ("" when unreadable), for a person
/// to compare with the one their host shows: a valid signature by an unknown key proves nothing.</param>
/// <param name="Checked">What was checked and found right, in order.</param>
public sealed record BundleReport(bool Ok, string? FirstProblem, string KeyFingerprint, IReadOnlyList<string> Checked);
