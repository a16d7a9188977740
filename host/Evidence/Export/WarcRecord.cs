using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>
/// One WARC/1.1 record (ISO 28500:2017): version line, named fields, a blank line, the content block, two CRLFs.
/// Digests are "sha256:" and lower-case hex, as warcio writes them.
/// </summary>
internal static class WarcRecord
{
    public static byte[] Warcinfo(string recordKey, DateTimeOffset date, string fileName, string software)
    {
        var block = Encoding.UTF8.GetBytes($"software: {software}\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n");
        return Serialize(
            [("WARC-Type", "warcinfo"), ("WARC-Record-ID", RecordId(recordKey)), ("WARC-Date", Date(date)), ("WARC-Filename", fileName), ("Content-Type", "application/warc-fields")],
            block);
    }

    /// <summary>An HTTP 200 response for <paramref name="url"/> with <paramref name="body"/> as its payload.</summary>
    public static byte[] Response(string recordKey, string url, DateTimeOffset date, string contentType, byte[] body)
    {
        var httpHead = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
        byte[] block = [.. httpHead, .. body];
        return Serialize(
            [
                ("WARC-Type", "response"), ("WARC-Record-ID", RecordId(recordKey)), ("WARC-Date", Date(date)), ("WARC-Target-URI", url),
                ("Content-Type", "application/http; msgtype=response"), ("WARC-Payload-Digest", Digest(body)), ("WARC-Block-Digest", Digest(block)),
            ],
            block);
    }

    /// <summary>A resource record: the content itself, no HTTP envelope (how web archives keep screenshots).</summary>
    public static byte[] Resource(string recordKey, string uri, DateTimeOffset date, string contentType, byte[] content) =>
        Serialize(
            [
                ("WARC-Type", "resource"), ("WARC-Record-ID", RecordId(recordKey)), ("WARC-Date", Date(date)), ("WARC-Target-URI", uri),
                ("Content-Type", contentType), ("WARC-Payload-Digest", Digest(content)), ("WARC-Block-Digest", Digest(content)),
            ],
            content);

    public static string Digest(ReadOnlySpan<byte> content) => "sha256:" + ExportFormat.Sha256Hex(content);

    /// <summary>WARC-Date to the second: every WARC reader accepts it; the manifest keeps the exact capture time.</summary>
    private static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A UUID derived from <paramref name="recordKey"/> (version 8, RFC 9562) rather than a random one, so exporting the
    /// same snapshots twice writes the same WARC.
    /// </summary>
    private static string RecordId(string recordKey)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(recordKey)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return $"<urn:uuid:{new Guid(bytes, bigEndian: true):D}>";
    }

    private static byte[] Serialize(IEnumerable<(string Name, string Value)> fields, byte[] block)
    {
        var head = new StringBuilder("WARC/1.1\r\n");
        foreach (var (name, value) in fields)
        {
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException($"WARC field {name} cannot hold a line break", nameof(fields));
            }

            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {block.Length}\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(head.ToString()), .. block, .. "\r\n\r\n"u8];
    }
}
