using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReceiptGuard.Testing;

/// <summary>tests/fixtures/shops/&lt;platform&gt;/&lt;page&gt;.guard.json: what the guard must do on a fixture page (see the README there).</summary>
public sealed record GuardSpec(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("fixture")] string Fixture,
    [property: JsonPropertyName("site")] string Site,
    [property: JsonPropertyName("guarded")] IReadOnlyList<GuardedControl> Guarded,
    [property: JsonPropertyName("notGuarded")] IReadOnlyList<string> NotGuarded)
{
    /// <summary>"platform/page.guard.json"</summary>
    [JsonIgnore]
    public string Name { get; init; } = "";

    [JsonIgnore]
    public string Platform { get; init; } = "";

    public static IReadOnlyList<GuardSpec> All()
    {
        var specs = new List<GuardSpec>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.ShopFixtures, "*.guard.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var platform = Path.GetFileName(Path.GetDirectoryName(file)!);
            var spec = JsonSerializer.Deserialize<GuardSpec>(File.ReadAllText(file))
                ?? throw new InvalidDataException($"{file} is empty");
            specs.Add(spec with { Name = $"{platform}/{Path.GetFileName(file)}", Platform = platform });
        }

        return specs;
    }

    public static GuardSpec Named(string name) => All().Single(s => s.Name == name);

    /// <summary>
    /// Where the e2e tests open the page: the real address over plain http (the fixture server has no TLS), so links
    /// on it resolve to http too — which is what the specs' replay URLs say.
    /// </summary>
    [JsonIgnore]
    public string ServedUrl => Url.StartsWith("https://", StringComparison.Ordinal) ? "http://" + Url["https://".Length..] : Url;
}

public sealed record GuardedControl(
    [property: JsonPropertyName("selector")] string Selector,
    [property: JsonPropertyName("orderHint")] string? OrderHint,
    [property: JsonPropertyName("replay")] Replay Replay,
    [property: JsonPropertyName("activate")] string? Activate = null,
    [property: JsonPropertyName("shadow")] string? Shadow = null,
    [property: JsonPropertyName("frame")] string? Frame = null);

public sealed record Replay(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("url")] string? Url = null,
    [property: JsonPropertyName("action")] string? Action = null);
