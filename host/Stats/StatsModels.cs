namespace ReceiptGuard.Host.Stats;

/// <summary>
/// What <c>GET /api/stats</c> answers: guarded clicks (held) and how they ended, and manual captures apart, in all, per
/// UTC month of the capture time and per platform. Held = Confirmed + Cancelled + Other in every row.
/// </summary>
/// <param name="From">The inclusive lower bound asked for (UTC), or null.</param>
/// <param name="To">The exclusive upper bound asked for (UTC), or null; a date-only <c>to</c> includes that whole day.</param>
/// <param name="ByMonth">Months that have any snapshot, oldest first ("2026-11"); months without any are left out.</param>
/// <param name="ByPlatform">Platforms as the extension named them (the snapshot's <c>site</c>), most held clicks first.</param>
public sealed record StatsReport(
    DateTimeOffset? From,
    DateTimeOffset? To,
    StatsTotals Totals,
    IReadOnlyList<MonthStats> ByMonth,
    IReadOnlyList<PlatformStats> ByPlatform);

/// <param name="Held">Clicks the extension held (capture 'guard').</param>
/// <param name="Confirmed">Held clicks the user went on to confirm.</param>
/// <param name="Cancelled">Held clicks the user cancelled.</param>
/// <param name="Other">Held clicks with any other recorded decision (the protocol allows none today; counted, not hidden).</param>
/// <param name="Manual">Pages the user saved by hand (capture 'manual'), not clicks.</param>
public sealed record StatsTotals(int Held, int Confirmed, int Cancelled, int Other, int Manual);

public sealed record MonthStats(string Month, int Held, int Confirmed, int Cancelled, int Other, int Manual);

public sealed record PlatformStats(string Platform, int Held, int Confirmed, int Cancelled, int Other, int Manual);
