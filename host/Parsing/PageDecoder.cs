using System.Text;
using System.Text.RegularExpressions;

namespace ReceiptGuard.Host.Parsing;

/// <summary>
/// Bytes of a saved page → text: a byte-order mark first, then the charset the page declares in its first 1024 bytes
/// (as browsers pre-scan), else UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312,
/// what older Chinese shop pages use without saying so).
/// </summary>
public static partial class PageDecoder
{
    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        var declared = DeclaredCharset().Match(head);
        if (declared.Success && Named(declared.Groups[1].Value) is { } encoding)
        {
            return encoding;
        }

        try
        {
            StrictUtf8.GetCharCount(bytes);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var encoding = Detect(bytes);
        var preamble = encoding.Preamble;
        return encoding.GetString(bytes.StartsWith(preamble) ? bytes[preamble.Length..] : bytes);
    }

    /// <summary>GBK and GB2312 are decoded as GB18030, their superset (as browsers do).</summary>
    private static Encoding? Named(string name)
    {
        var normalized = name.Trim().ToLowerInvariant();
        if (normalized is "gbk" or "gb2312" or "gb_2312-80" or "x-gbk" or "gb18030")
        {
            return Encoding.GetEncoding("GB18030");
        }

        try
        {
            return Encoding.GetEncoding(normalized);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredCharset();
}
