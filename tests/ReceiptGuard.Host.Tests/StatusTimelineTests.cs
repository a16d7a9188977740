using ReceiptGuard.Host.Orders;

namespace ReceiptGuard.Host.Tests;

public sealed class StatusTimelineTests
{
    [Fact]
    public void A_change_is_marked_against_the_previous_snapshot_that_read_a_status()
    {
        var marks = StatusTimeline.Mark([
            new("shipped", "运输中"), new(null, null), new("shipped", "运输中"), new("delivered", "已签收"), new("delivered", "已签收")]);

        Assert.Equal([false, false, false, true, false], marks.Select(m => m.Changed));
        Assert.Equal(new StatusReading("shipped", "运输中"), marks[3].Previous);
    }

    [Fact]
    public void Unrecognised_statuses_compare_by_the_pages_text()
    {
        var marks = StatusTimeline.Mark([new("unknown", "运输中"), new("unknown", " 运输中 "), new("unknown", "已签收"), new("unknown", null)]);

        Assert.Equal([false, false, true, false], marks.Select(m => m.Changed));
    }
}
