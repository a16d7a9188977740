using System.Globalization;
using System.Text.Json;

namespace ReceiptGuard.Host.Parsing.Platforms.Taobao;

/// <summary>
/// Tolerant reads of Taobao-family embedded JSON, where the same member is a string in one page version, a number in
/// another, and <c>{ "value": … }</c> / <c>{ "text": … }</c> in a third. Missing or odd members read as null.
/// </summary>
internal static class TaobaoJson
{
    public static JsonElement? At(JsonElement? element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(name, out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    public static string? StringAt(JsonElement? element, params string[] path)
    {
        var value = At(element, path);
        return value?.ValueKind switch
        {
            JsonValueKind.String => NullIfBlank(value.Value.GetString()),
            JsonValueKind.Number => value.Value.GetRawText(),
            JsonValueKind.Object => StringAt(value, "value") ?? StringAt(value, "text") ?? StringAt(value, "content"),
            _ => null,
        };
    }

    public static int? Int(JsonElement? element, params string[] path) =>
        int.TryParse(StringAt(element, path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static IEnumerable<JsonElement> Items(JsonElement? element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>Every string value under the element (for flags such as 预售 that can sit anywhere in an order).</summary>
    public static IEnumerable<string> AllStrings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString() ?? "";
                break;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    foreach (var text in AllStrings(member.Value))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var text in AllStrings(item))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
