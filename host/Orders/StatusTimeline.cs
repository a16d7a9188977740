namespace ReceiptGuard.Host.Orders;

/// <summary>What one snapshot said about the order's status, before the change markers are added.</summary>
public sealed record StatusReading(string? Status, string? StatusText);

/// <summary>
/// Marks the snapshots whose status differs from the previous snapshot that said anything about it. Snapshots where the
/// order was not read (no status) neither change nor reset the comparison. When both are "unknown", the page's own
/// status text decides (运输中 → 已签收 is a change even when neither text was recognised).
/// </summary>
public static class StatusTimeline
{
    public static IReadOnlyList<(bool Changed, StatusReading? Previous)> Mark(IReadOnlyList<StatusReading> readings)
    {
        var marks = new List<(bool, StatusReading?)>(readings.Count);
        StatusReading? previous = null;
        foreach (var reading in readings)
        {
            if (reading.Status is null)
            {
                marks.Add((false, null));
                continue;
            }

            var changed = previous is not null && Differs(previous, reading);
            marks.Add((changed, changed ? previous : null));
            previous = reading;
        }

        return marks;
    }

    private static bool Differs(StatusReading before, StatusReading after)
    {
        if (!string.Equals(before.Status, after.Status, StringComparison.Ordinal))
        {
            return true;
        }

        return before.Status == "unknown" && before.StatusText is { } a && after.StatusText is { } b && !string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);
    }
}
