using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReceiptGuard.Host.Parsing.Text;

/// <summary>JavaScript string literals as pages embed data in them (Taobao's <c>var data = JSON.parse('…')</c>).</summary>
public static partial class JsString
{
    /// <summary>
    /// The body of a JS string literal (without its quotes) → its value. Unknown escapes keep the escaped character,
    /// as JS does; a malformed \u or \x escape is kept as written rather than failing the page.
    /// </summary>
    public static string Unescape(string body)
    {
        if (!body.Contains('\\', StringComparison.Ordinal))
        {
            return body;
        }

        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                builder.Append(c);
                continue;
            }

            var next = body[++i];
            switch (next)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'v': builder.Append('\v'); break;
                case '0' when i + 1 >= body.Length || !char.IsAsciiDigit(body[i + 1]): builder.Append('\0'); break;
                case 'u' when Hex(body, i + 1, 4) is { } code: builder.Append((char)code); i += 4; break;
                case 'x' when Hex(body, i + 1, 2) is { } code: builder.Append((char)code); i += 2; break;
                case '\r' or '\n': break; // a line continuation
                default: builder.Append(next); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The JSON text of the first <c>JSON.parse('…')</c> (or "…") assigned in the script, unescaped; else null.</summary>
    public static string? FindJsonParseArgument(string script)
    {
        var match = JsonParseCall().Match(script);
        return match.Success ? Unescape(match.Groups["body"].Value) : null;
    }

    private static int? Hex(string text, int start, int length) =>
        start + length <= text.Length && int.TryParse(text.AsSpan(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;

    // The body is a run of non-quote, non-backslash characters or escapes, up to the same quote that opened it.
    [GeneratedRegex("""JSON\.parse\(\s*(?<q>['"])(?<body>(?:[^\\'"]|\\.|(?!\k<q>)['"])*)\k<q>\s*\)""", RegexOptions.Singleline, matchTimeoutMilliseconds: 2000)]
    private static partial Regex JsonParseCall();
}
