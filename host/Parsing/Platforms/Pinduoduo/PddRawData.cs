using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReceiptGuard.Host.Parsing.Platforms.Pinduoduo;

/// <summary>
/// The <c>window.rawData={…};</c> object Pinduoduo's server-rendered pages carry for their React app. The script goes
/// on with other statements (<c>window.leo=…</c>), so the object is cut out by brace matching that skips strings.
/// </summary>
public static partial class PddRawData
{
    /// <summary>The parsed object, or null (with a note saying why) when the page has none or it is not JSON.</summary>
    public static JsonElement? Find(IReadOnlyList<EmbeddedScript> scripts, List<string> notes)
    {
        foreach (var script in scripts)
        {
            var assignment = Assignment().Match(script.Text);
            if (!assignment.Success)
            {
                continue;
            }

            var literal = ObjectLiteralAt(script.Text, assignment.Index + assignment.Length);
            if (literal is null)
            {
                notes.Add("window.rawData is cut short (its braces do not balance)");
                return null;
            }

            try
            {
                using var json = JsonDocument.Parse(literal);
                return json.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                notes.Add($"window.rawData is not JSON: {exception.Message}");
                return null;
            }
        }

        notes.Add("the page has no window.rawData");
        return null;
    }

    /// <summary>The object literal that starts at <paramref name="start"/> (a "{"), through its matching "}"; null if unbalanced.</summary>
    public static string? ObjectLiteralAt(string text, int start)
    {
        if (start >= text.Length || text[start] != '{')
        {
            return null;
        }

        var depth = 0;
        char? quote = null;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return text[start..(i + 1)];
            }
        }

        return null;
    }

    [GeneratedRegex(@"window\.rawData\s*=\s*(?=\{)")]
    private static partial Regex Assignment();
}
