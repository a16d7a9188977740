using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReceiptGuard.Host.Parsing.Platforms.Taobao;

/// <summary>
/// Finds the data Taobao-family pages carry for their own scripts: <c>var data = JSON.parse('…')</c> (order list and
/// Taobao detail) and <c>var detailData = {…}</c> (Tmall detail). Returns null, with a note, when it is absent or broken.
/// </summary>
internal static partial class TaobaoEmbeddedData
{
    public static JsonElement? Find(IReadOnlyList<EmbeddedScript> scripts, List<string> notes)
    {
        foreach (var script in scripts)
        {
            var text = script.Text;
            var parsed = JsonParseCall().Match(text);
            if (parsed.Success && QuotedBody(text, parsed.Index + parsed.Length - 1) is { } literal)
            {
                return Parse(TaobaoText.UnescapeJs(literal), notes);
            }

            var literalObject = ObjectAssignment().Match(text);
            if (literalObject.Success && BalancedObject(text, literalObject.Index + literalObject.Length - 1) is { } json)
            {
                return Parse(json, notes);
            }
        }

        return null;
    }

    private static JsonElement? Parse(string json, List<string> notes)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            notes.Add($"the page's embedded order data is not valid JSON ({exception.Message}); read from the markup instead");
            return null;
        }
    }

    /// <summary>The text between the quote at <paramref name="open"/> and its unescaped closing quote.</summary>
    private static string? QuotedBody(string text, int open)
    {
        var quote = text[open];
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return text[(open + 1)..i];
            }
        }

        return null;
    }

    /// <summary>The object literal that starts at <paramref name="open"/>, up to its matching brace (strings skipped).</summary>
    private static string? BalancedObject(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"' or '\'':
                    var quote = text[i];
                    for (i++; i < text.Length && text[i] != quote; i++)
                    {
                        if (text[i] == '\\')
                        {
                            i++;
                        }
                    }

                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return text[open..(i + 1)];
            }
        }

        return null;
    }

    [GeneratedRegex("""\b(?:var|let|const)\s+data\s*=\s*JSON\.parse\(\s*['"]""")]
    private static partial Regex JsonParseCall();

    [GeneratedRegex("""\b(?:var|let|const)\s+detailData\s*=\s*\{""")]
    private static partial Regex ObjectAssignment();
}
