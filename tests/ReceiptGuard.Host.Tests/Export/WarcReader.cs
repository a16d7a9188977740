using System.Globalization;
using System.Text;

namespace ReceiptGuard.Host.Tests.Export;

/// <summary>One record read back from a WARC, with where it starts and how long it is.</summary>
public sealed record WarcRecordRead(long Offset, long Length, string Version, IReadOnlyDictionary<string, string> Fields, byte[] Block)
{
    public string this[string field] => Fields[field];
}

/// <summary>
/// A strict reader of uncompressed WARC files, written from ISO 28500 for the tests: it fails on anything the
/// standard does not allow where our writer is concerned (missing CRLFs, a wrong Content-Length, trailing bytes).
/// </summary>
public static class WarcReader
{
    public static IReadOnlyList<WarcRecordRead> ReadAll(byte[] warc)
    {
        var records = new List<WarcRecordRead>();
        var position = 0;
        while (position < warc.Length)
        {
            var start = position;
            var headEnd = IndexOf(warc, "\r\n\r\n"u8, position);
            Assert.True(headEnd > 0, $"record at {start}: no end of its header block");
            var lines = Encoding.UTF8.GetString(warc, position, headEnd - position).Split("\r\n");
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                Assert.True(colon > 0, $"record at {start}: '{line}' is not a field");
                fields.Add(line[..colon], line[(colon + 1)..].Trim());
            }

            var length = int.Parse(fields["Content-Length"], CultureInfo.InvariantCulture);
            var blockStart = headEnd + 4;
            Assert.True(blockStart + length + 4 <= warc.Length, $"record at {start}: shorter than its Content-Length");
            Assert.Equal("\r\n\r\n"u8.ToArray(), warc[(blockStart + length)..(blockStart + length + 4)]);
            position = blockStart + length + 4;
            records.Add(new WarcRecordRead(start, position - start, lines[0], fields, warc[blockStart..(blockStart + length)]));
        }

        return records;
    }

    /// <summary>Splits an HTTP response block into its header lines and body.</summary>
    public static (string[] Head, byte[] Body) Http(byte[] block)
    {
        var end = IndexOf(block, "\r\n\r\n"u8, 0);
        Assert.True(end > 0, "no end of the HTTP header block");
        return (Encoding.ASCII.GetString(block, 0, end).Split("\r\n"), block[(end + 4)..]);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle, int from)
    {
        var found = haystack.AsSpan(from).IndexOf(needle);
        return found < 0 ? -1 : from + found;
    }
}
