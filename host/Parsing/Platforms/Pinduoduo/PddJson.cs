using System.Globalization;
using System.Text.Json;

namespace ReceiptGuard.Host.Parsing.Platforms.Pinduoduo;

/// <summary>Tolerant reads of rawData members: a missing member or one of another type is null, never an exception.</summary>
internal static class PddJson
{
    public static JsonElement? At(JsonElement? element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(name, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static string? String(JsonElement? element, params string[] path) => At(element, path) switch
    {
        { ValueKind: JsonValueKind.String } value when value.GetString() is { Length: > 0 } text => text.Trim(),
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };

    public static long? Long(JsonElement? element, params string[] path) => At(element, path) switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var value) => value,
        { ValueKind: JsonValueKind.String } text when long.TryParse(text.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    public static IEnumerable<JsonElement> Array(JsonElement? element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static bool True(JsonElement? element, params string[] path) => At(element, path) is { ValueKind: JsonValueKind.True };
}
