using System.Text.Json.Serialization;

namespace ReceiptGuard.Bench;

/// <summary>One figure in bench/results.json. Baseline fields are null where a figure has none.</summary>
public sealed record BenchResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("baseline")] string? Baseline,
    [property: JsonPropertyName("baselineValue")] double? BaselineValue,
    [property: JsonPropertyName("ratio")] double? Ratio,
    [property: JsonPropertyName("goal")] string? Goal,
    [property: JsonPropertyName("pass")] bool? Pass,
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("at")] DateTimeOffset At)
{
    public static BenchResult Of(string name, double value, string unit, string? goal = null, bool? pass = null) =>
        new(name, Math.Round(value, 3), unit, null, null, null, goal, pass, ReceiptGuard.Bench.Machine.Description, DateTimeOffset.UtcNow);

    public static BenchResult Against(string name, double value, string unit, string baseline, double baselineValue, string? goal = null, bool? pass = null) =>
        new(name, Math.Round(value, 3), unit, baseline, Math.Round(baselineValue, 3),
            baselineValue > 0 ? Math.Round(value / baselineValue, 2) : null, goal, pass, ReceiptGuard.Bench.Machine.Description, DateTimeOffset.UtcNow);

    /// <summary>A time against a slower peer: the ratio is baseline ÷ value, how many times faster we are (the name says so).</summary>
    public static BenchResult FasterThan(string name, double value, string unit, string baseline, double baselineValue, string? goal = null, bool? pass = null) =>
        new(name, Math.Round(value, 3), unit, baseline, Math.Round(baselineValue, 3),
            value > 0 ? Math.Round(baselineValue / value, 2) : null, goal, pass, ReceiptGuard.Bench.Machine.Description, DateTimeOffset.UtcNow);
}
