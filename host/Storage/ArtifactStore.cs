using System.Security.Cryptography;

namespace ReceiptGuard.Host.Storage;

/// <summary>A stored artifact: its SHA-256 (lower-case hex) names it; identical bytes are stored once.</summary>
public sealed record ArtifactRef(string Sha256, long Bytes);

/// <summary>
/// Content-addressed files under <c>artifacts/ab/abcdef…</c>. A file is written to a temporary name, flushed to disk
/// and renamed into place, so a name that exists always holds its complete content; callers write the artifact
/// before the database row that refers to it.
/// </summary>
public sealed class ArtifactStore(DataDirectory data)
{
    public const string TempSuffix = ".tmp";

    public async Task<ArtifactRef> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return new ArtifactRef(sha256, content.Length);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return new ArtifactRef(sha256, content.Length);
    }

    public Stream? OpenRead(string sha256)
    {
        if (!IsSha256(sha256))
        {
            return null;
        }

        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
    }

    private string PathOf(string sha256) => Path.Combine(data.ArtifactsRoot, sha256[..2], sha256);

    private static bool IsSha256(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);
}
