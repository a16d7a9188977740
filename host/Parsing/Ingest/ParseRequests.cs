using System.Threading.Channels;

namespace ReceiptGuard.Host.Parsing.Ingest;

/// <summary>
/// Snapshots waiting to be parsed. Bounded so a burst of captures cannot grow memory without limit; an id that does
/// not fit is not lost: it is still unparsed in the database, and the worker sweeps for those when told it overflowed.
/// </summary>
public sealed class ParseRequests
{
    public const int Capacity = 256;

    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private int _overflowed;

    public ChannelReader<Guid> Reader => _channel.Reader;

    /// <summary>Never waits: the request that stored the snapshot must not wait for parsing.</summary>
    public void Enqueue(Guid snapshotId)
    {
        if (!_channel.Writer.TryWrite(snapshotId))
        {
            Interlocked.Exchange(ref _overflowed, 1);
        }
    }

    /// <summary>Whether an id was dropped since the last call (and so a sweep of the database is due).</summary>
    public bool TakeOverflow() => Interlocked.Exchange(ref _overflowed, 0) == 1;
}
