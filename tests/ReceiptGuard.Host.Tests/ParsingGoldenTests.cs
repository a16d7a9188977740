using System.Text.Json;
using System.Text.Json.Nodes;
using ReceiptGuard.Host.Parsing;

namespace ReceiptGuard.Host.Tests;

/// <summary>
/// Golden files: every <c>tests/fixtures/shops/&lt;platform&gt;/*.parse.json</c> names a saved page, its URL and the
/// extension's order hint, and what the parser must find there. The expectation is written by hand from the page and
/// compared as a subset: every member it lists must be in the result with that value (arrays element by element, same
/// length); members it leaves out are not checked.
/// </summary>
public sealed class ParsingGoldenTests
{
    public static TheoryData<string> GoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Fixtures.PathOf("shops"), "*.parse.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Fixtures.PathOf("shops"), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void The_parser_finds_what_the_golden_file_says(string golden)
    {
        var spec = JsonNode.Parse(File.ReadAllText(Fixtures.PathOf(Path.Combine("shops", golden))))!.AsObject();
        var folder = Path.GetDirectoryName(Fixtures.PathOf(Path.Combine("shops", golden)))!;
        var html = PageDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, spec["page"]!.GetValue<string>())));

        var parsed = PageParser.Parse(html, new Uri(spec["url"]!.GetValue<string>()), orderHint: spec["orderHint"]?.GetValue<string>());

        var actual = JsonNode.Parse(ParsedPageJson.Serialize(parsed))!;
        JsonSubset.AssertContains(spec["expected"]!, actual, "$");
    }
}

/// <summary>Compares an expected JSON fragment with an actual document: objects by the expected members only.</summary>
public static class JsonSubset
{
    public static void AssertContains(JsonNode expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                Assert.True(actual is JsonObject, $"{path}: expected an object, found {actual?.ToJsonString() ?? "null"}");
                foreach (var (name, value) in expectedObject)
                {
                    var actualValue = actual!.AsObject()[name];
                    if (value is null)
                    {
                        Assert.True(actualValue is null, $"{path}.{name}: expected null, found {actualValue?.ToJsonString()}");
                        continue;
                    }

                    AssertContains(value, actualValue, $"{path}.{name}");
                }

                break;
            case JsonArray expectedArray:
                Assert.True(actual is JsonArray, $"{path}: expected an array, found {actual?.ToJsonString() ?? "null"}");
                var actualArray = actual!.AsArray();
                Assert.True(expectedArray.Count == actualArray.Count, $"{path}: expected {expectedArray.Count} elements, found {actualArray.Count}: {actualArray.ToJsonString()}");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertContains(expectedArray[i]!, actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                var expectedValue = expected.AsValue();
                Assert.True(actual is JsonValue, $"{path}: expected {expected.ToJsonString()}, found {actual?.ToJsonString() ?? "null"}");
                if (expectedValue.GetValueKind() == JsonValueKind.Number)
                {
                    Assert.True(actual!.GetValueKind() == JsonValueKind.Number && expectedValue.GetValue<decimal>() == actual.GetValue<decimal>(), $"{path}: expected {expected.ToJsonString()}, found {actual.ToJsonString()}");
                }
                else
                {
                    Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected.ToJsonString()}, found {actual!.ToJsonString()}");
                }

                break;
        }
    }
}
