using System.Text.Json;

namespace ReceiptGuard.Host.Parsing.Platforms.Intl;

/// <summary>
/// Reads the JSON object a page script assigns to a variable (<c>window.x = { … };</c>): the object literal is cut out
/// by matching braces outside strings, then parsed as JSON. Returns null when the script has no such well-formed object.
/// </summary>
internal static class EmbeddedJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static JsonElement? Find(IEnumerable<EmbeddedScript> scripts, string assignment)
    {
        foreach (var script in scripts)
        {
            var at = script.Text.IndexOf(assignment, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var start = script.Text.IndexOf('{', at + assignment.Length);
            var literal = start < 0 ? null : ObjectAt(script.Text, start);
            if (literal is null)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(literal, Options);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON (a hand-written JS object): the caller falls back to the markup.
            }
        }

        return null;
    }

    private static string? ObjectAt(string text, int start)
    {
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

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return text[start..(i + 1)];
            }
        }

        return null;
    }

    public static string? String(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    public static JsonElement? Member(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}
