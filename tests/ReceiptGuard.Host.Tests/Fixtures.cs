using System.Text.Json.Nodes;

namespace ReceiptGuard.Host.Tests;

/// <summary>Files from tests/fixtures, copied next to the test assembly.</summary>
public static class Fixtures
{
    /// <summary>The optional members protocol v1 grew for evidence capture.</summary>
    public static readonly string[] EvidenceFields = ["embeddedData", "screenshot", "screenshotError", "context"];

    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "fixtures", relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>tests/fixtures/protocol/snapshot-v1.json, which the extension's tests parse too.</summary>
    public static JsonObject ExampleSnapshot() => JsonNode.Parse(Read("protocol/snapshot-v1.json"))!.AsObject();

    /// <summary>The example with a fresh id, so tests can post it without colliding.</summary>
    public static JsonObject NewSnapshot(Action<JsonObject>? change = null)
    {
        var snapshot = ExampleSnapshot();
        snapshot["id"] = Guid.NewGuid().ToString("D");
        change?.Invoke(snapshot);
        return snapshot;
    }

    /// <summary>The snapshot as an extension from before evidence capture sends it.</summary>
    public static JsonObject WithoutEvidence(JsonObject snapshot)
    {
        foreach (var field in EvidenceFields)
        {
            snapshot.Remove(field);
        }

        return snapshot;
    }
}
