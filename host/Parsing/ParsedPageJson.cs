using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReceiptGuard.Host.Parsing;

/// <summary>The one JSON shape of a parse result: the API, the stored artifact, the <c>parse</c> command and the golden files.</summary>
public static class ParsedPageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(ParsedPage page) => JsonSerializer.Serialize(page, Options);
}
