using System.Text.Json;

namespace ReceiptGuard.Host.Evidence.Retention;

/// <summary>The retention setting as the API gives it: the days kept (null: forever) and the range a user may choose.</summary>
public sealed record RetentionSettings(int? Days, int MinDays, int MaxDays)
{
    public static RetentionSettings Of(int? days) => new(days, RetentionRule.MinDays, RetentionRule.MaxDays);
}

/// <summary>The answer to saving the setting: the setting, and how many snapshots the sweep run on saving deleted.</summary>
public sealed record RetentionSaved(int? Days, int MinDays, int MaxDays, int Deleted);

/// <summary>What a limit would delete now: snapshots received before the cutoff, less those kept for their notes.</summary>
public sealed record RetentionPreview(int? Days, DateTimeOffset? ReceivedBefore, int WouldDelete, int KeptForNotes);

/// <summary>The retention rule deleting a snapshot: kept <see cref="Days"/> days, so received before <see cref="Cutoff"/>.</summary>
public sealed record RetentionDeletion(int Days, DateTimeOffset Cutoff)
{
    /// <summary>The custody entry's <c>reason</c>: a rule deleted it, not a person.</summary>
    public const string Reason = "retention";
}

/// <summary>The wire form of PUT /api/evidence/retention. A JsonElement, so a missing <c>days</c> differs from null.</summary>
public sealed class RetentionJson
{
    public JsonElement Days { get; set; }
}

/// <summary>
/// "Keep snapshots for N days": a snapshot is old once the host received it more than N days ago (the host's own
/// clock, not the page's capture time, which the extension or an imported file supplies). Snapshots with a note are
/// never deleted by the rule: the user marked them as mattering.
/// </summary>
public static class RetentionRule
{
    /// <summary>A month at least: shop platforms' after-sales and dispute windows run for weeks after receipt.</summary>
    public const int MinDays = 30;

    public const int MaxDays = 3650;

    public const string Field = "days";

    public static readonly string Range =
        $"must be a whole number of days from {MinDays} to {MaxDays}, or null to keep snapshots forever.";

    /// <summary>SQL over <c>snapshots</c> with <c>$cutoff</c>: received before it. julianday, so a time written in
    /// another ISO form still compares as a time; an unreadable one is never "older" (NULL), so it is kept.</summary>
    public const string OlderSql = "julianday(snapshots.received_at) < julianday($cutoff)";

    public const string NotedSql = "EXISTS (SELECT 1 FROM notes WHERE notes.snapshot_id = snapshots.id)";

    /// <summary>What the rule deletes: old and without a note.</summary>
    public const string ExpiredSql = OlderSql + " AND NOT " + NotedSql;

    /// <summary>Whole milliseconds, as times are stored: the preview's cutoff is the one the custody entry records.</summary>
    public static DateTimeOffset CutoffAt(DateTimeOffset now, int days)
    {
        var cutoff = now.ToUniversalTime() - TimeSpan.FromDays(days);
        return new DateTimeOffset(cutoff.Ticks - (cutoff.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>The days in a request body member: (days, null) when valid (null days: forever), else (null, problem).</summary>
    public static (int? Days, string? Problem) Read(JsonElement days) => days.ValueKind switch
    {
        JsonValueKind.Undefined => (null, "is required: " + Range),
        JsonValueKind.Null => (null, null),
        JsonValueKind.Number when days.TryGetInt32(out var value) => Check(value),
        _ => (null, Range),
    };

    /// <summary>The days in a query string: empty means forever.</summary>
    public static (int? Days, string? Problem) Read(string? days) =>
        string.IsNullOrWhiteSpace(days)
            ? (null, null)
            : int.TryParse(days.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? Check(value)
                : (null, Range);

    private static (int? Days, string? Problem) Check(int days) => days is >= MinDays and <= MaxDays ? (days, null) : (null, Range);
}
