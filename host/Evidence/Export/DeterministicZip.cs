using System.IO.Compression;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>
/// Writes entries in the order given, each dated <c>createdAt</c>, so the same bundle always makes the same zip and
/// a reader sees the files in a sensible order.
/// </summary>
internal static class DeterministicZip
{
    public static async Task WriteAsync(Stream output, IEnumerable<BundleEntry> entries, DateTimeOffset createdAt, CompressionLevel level, CancellationToken cancellationToken)
    {
        // The zip's DOS time has no zone and two-second steps: write the UTC time, floored, so every host writes the same.
        var time = new DateTimeOffset(createdAt.UtcDateTime.AddTicks(-(createdAt.UtcDateTime.Ticks % (2 * TimeSpan.TicksPerSecond))), TimeSpan.Zero);
        await using var archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        foreach (var entry in entries)
        {
            var zipEntry = archive.CreateEntry(entry.Path, level);
            zipEntry.LastWriteTime = time;
            await using var stream = await zipEntry.OpenAsync(cancellationToken);
            await stream.WriteAsync(entry.Content, cancellationToken);
        }
    }
}
