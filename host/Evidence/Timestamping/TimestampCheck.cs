namespace ReceiptGuard.Host.Evidence.Timestamping;

/// <summary>The outcome of checking a stored token against a hash.</summary>
/// <param name="GenTime">The token's time; only set when <paramref name="Valid"/>, so an unverified time is never shown.</param>
/// <param name="Problem">Why the token is not valid, one line; null when it is.</param>
public sealed record TimestampCheck(bool Valid, DateTimeOffset? GenTime, string? Problem)
{
    public static TimestampCheck Invalid(string problem) => new(false, null, problem);
}
