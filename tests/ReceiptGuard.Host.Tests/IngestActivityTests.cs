using Microsoft.Extensions.Time.Testing;
using ReceiptGuard.Host.Parsing.Ingest;

namespace ReceiptGuard.Host.Tests;

/// <summary>Background parsing gives way to a burst of captures, and is never starved by one.</summary>
public sealed class IngestActivityTests
{
    [Fact]
    public void With_no_capture_arriving_parsing_goes_at_once()
    {
        var activity = new IngestActivity(new FakeTimeProvider());

        Assert.True(activity.WaitForQuietAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void After_a_capture_parsing_waits_for_the_quiet_period()
    {
        var clock = new FakeTimeProvider();
        var activity = new IngestActivity(clock);
        activity.SnapshotArrived();

        var wait = activity.WaitForQuietAsync(CancellationToken.None);
        clock.Advance(IngestActivity.QuietPeriod - TimeSpan.FromMilliseconds(1));
        Assert.False(wait.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(wait.IsCompleted);
    }

    [Fact]
    public void A_burst_that_never_ends_still_lets_parsing_run_after_the_longest_deferral()
    {
        var clock = new FakeTimeProvider();
        var activity = new IngestActivity(clock);
        activity.SnapshotArrived();
        var wait = activity.WaitForQuietAsync(CancellationToken.None);

        var step = IngestActivity.QuietPeriod / 2;
        for (var elapsed = TimeSpan.Zero; elapsed < IngestActivity.MaxDeferral - step; elapsed += step)
        {
            Assert.False(wait.IsCompleted);
            clock.Advance(step);
            activity.SnapshotArrived();
        }

        // Captures keep coming, never a quiet period: the deferral's limit alone ends the wait.
        for (var i = 0; i < 3 && !wait.IsCompleted; i++)
        {
            clock.Advance(step);
            activity.SnapshotArrived();
        }

        Assert.True(wait.IsCompleted);
    }
}
