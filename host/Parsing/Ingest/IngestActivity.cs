namespace ReceiptGuard.Host.Parsing.Ingest;

/// <summary>
/// When the last snapshot arrived, so background parsing can give way during a burst of captures: on a 2-core machine
/// parsing a large page costs as much CPU as storing several, and storing is what must not fall behind. Parsing
/// catches up once the burst is over; nothing waits on it (the UI shows "not parsed yet" meanwhile).
/// </summary>
public sealed class IngestActivity(TimeProvider clock)
{
    /// <summary>How long ingest must be quiet before parsing resumes.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(150);

    /// <summary>Parsing still runs at least this often, so a never-ending stream cannot starve it.</summary>
    public static readonly TimeSpan MaxDeferral = TimeSpan.FromSeconds(5);

    private long _lastTicks = long.MinValue;

    public void SnapshotArrived() => Interlocked.Exchange(ref _lastTicks, clock.GetTimestamp());

    public async Task WaitForQuietAsync(CancellationToken cancellationToken)
    {
        var start = clock.GetTimestamp();
        while (clock.GetElapsedTime(start) < MaxDeferral)
        {
            var last = Interlocked.Read(ref _lastTicks);
            var quietFor = last == long.MinValue ? TimeSpan.MaxValue : clock.GetElapsedTime(last);
            if (quietFor >= QuietPeriod)
            {
                return;
            }

            await Task.Delay(QuietPeriod - quietFor, clock, cancellationToken);
        }
    }
}
