using System.Text;
using System.Text.Json;
using ReceiptGuard.Host.Evidence.Custody;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>
/// custody.jsonl: one entry per line. <c>detail</c> is written as a JSON string holding the exact text that was hashed,
/// so a reader recomputes the hash from what it reads, never from a re-serialization.
/// </summary>
internal static class CustodyJsonl
{
    public const string FileName = "custody.jsonl";

    public static byte[] ToJsonl(IEnumerable<CustodyEntry> entries)
    {
        using var buffer = new MemoryStream();
        foreach (var entry in entries.OrderBy(entry => entry.Seq))
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ExportFormat.Json.Encoder }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("seq", entry.Seq);
                writer.WriteString("at", entry.At);
                writer.WriteString("kind", entry.Kind);
                writer.WriteString("snapshotId", entry.SnapshotId);
                writer.WriteString("detail", entry.Detail);
                writer.WriteString("previousHash", entry.PreviousHash);
                writer.WriteString("hash", entry.Hash);
                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }

    /// <summary>The entries with their 1-based line numbers; a line that is not an entry is reported by number.</summary>
    public static (IReadOnlyList<(int Line, CustodyEntry Entry)> Entries, string? Problem) Parse(byte[] jsonl, string path)
    {
        var entries = new List<(int, CustodyEntry)>();
        var lines = Encoding.UTF8.GetString(jsonl).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].Length == 0 && index == lines.Length - 1)
            {
                break;
            }

            var entry = ParseLine(lines[index]);
            if (entry is null)
            {
                return (entries, $"{path} line {index + 1}: not a custody entry");
            }

            entries.Add((index + 1, entry));
        }

        return (entries, null);
    }

    private static CustodyEntry? ParseLine(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var snapshotId = root.GetProperty("snapshotId");
            string Text(string name) => root.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null");
            return new CustodyEntry(
                root.GetProperty("seq").GetInt64(),
                Text("at"),
                Text("kind"),
                snapshotId.ValueKind == JsonValueKind.Null ? null : snapshotId.GetString(),
                Text("detail"),
                Text("previousHash"),
                Text("hash"));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
