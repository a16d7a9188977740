namespace ReceiptGuard.Host.Evidence.Timestamping;

/// <summary>No timestamp was obtained; the message is one line naming the TSA URL and what went wrong.</summary>
public sealed class TimestampException : Exception
{
    public TimestampException()
    {
    }

    public TimestampException(string message) : base(message)
    {
    }

    public TimestampException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
