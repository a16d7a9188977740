using System.IO.Compression;
using System.Security.Cryptography;

namespace ReceiptGuard.Host.Storage;

/// <summary>A stored artifact: its SHA-256 (lower-case hex, of the content, not of the file) names it.</summary>
public sealed record ArtifactRef(string Sha256, long Bytes);

/// <summary>
/// Content-addressed files under <c>artifacts/ab/abcdef….gz</c>, gzip-compressed and named by the SHA-256 of what
/// they hold, so identical artifacts are stored once. A file is written to a temporary name, flushed to disk and
/// renamed into place: a name that exists always holds its complete content. Callers write artifacts before the
/// database row that refers to them; files no row refers to (a crash in between) are swept at start-up.
/// Files written before compression (no <c>.gz</c>) are still read.
/// </summary>
public sealed class ArtifactStore(DataDirectory data)
{
    public const string TempSuffix = ".tmp";
    private const string CompressedSuffix = ".gz";

    public async Task<ArtifactRef> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        if (Exists(sha256))
        {
            return new ArtifactRef(sha256, content.Length);
        }

        var path = CompressedPath(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
                {
                    await gzip.WriteAsync(content, cancellationToken);
                }

                file.Flush(flushToDisk: true);
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

    /// <summary>The artifact's content (decompressed), or null when there is no such artifact.</summary>
    public Stream? OpenRead(string sha256)
    {
        if (!IsSha256(sha256))
        {
            return null;
        }

        var compressed = CompressedPath(sha256);
        if (File.Exists(compressed))
        {
            return new GZipStream(new FileStream(compressed, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous), CompressionMode.Decompress);
        }

        var legacy = LegacyPath(sha256);
        return File.Exists(legacy) ? new FileStream(legacy, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous) : null;
    }

    /// <summary>The content, or null when there is no such artifact.</summary>
    /// <exception cref="InvalidDataException">the file is not valid gzip (damaged).</exception>
    public async Task<byte[]?> ReadAllBytesAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var stream = OpenRead(sha256);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The file that holds the artifact as stored (compressed or legacy), or null when absent.</summary>
    public string? StoredPath(string sha256)
    {
        if (!IsSha256(sha256))
        {
            return null;
        }

        var compressed = CompressedPath(sha256);
        if (File.Exists(compressed))
        {
            return compressed;
        }

        var legacy = LegacyPath(sha256);
        return File.Exists(legacy) ? legacy : null;
    }

    public bool Exists(string sha256) => IsSha256(sha256) && (File.Exists(CompressedPath(sha256)) || File.Exists(LegacyPath(sha256)));

    /// <summary>Bytes the artifact takes on disk (compressed), 0 when absent.</summary>
    public long StoredSize(string sha256)
    {
        if (!IsSha256(sha256))
        {
            return 0;
        }

        var file = new FileInfo(CompressedPath(sha256));
        if (file.Exists)
        {
            return file.Length;
        }

        var legacy = new FileInfo(LegacyPath(sha256));
        return legacy.Exists ? legacy.Length : 0;
    }

    public void Delete(string sha256)
    {
        if (IsSha256(sha256))
        {
            File.Delete(CompressedPath(sha256));
            File.Delete(LegacyPath(sha256));
        }
    }

    /// <summary>Every artifact's SHA-256 (from file names), for the start-up sweep and the store check.</summary>
    public IEnumerable<string> EnumerateAll()
    {
        if (!Directory.Exists(data.ArtifactsRoot))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(data.ArtifactsRoot, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            var sha256 = name.EndsWith(CompressedSuffix, StringComparison.Ordinal) ? name[..^CompressedSuffix.Length] : name;
            if (IsSha256(sha256))
            {
                yield return sha256;
            }
        }
    }

    /// <summary>Removes temporary files a crash left behind; returns how many.</summary>
    public int DeleteLeftoverTemporaryFiles()
    {
        if (!Directory.Exists(data.ArtifactsRoot))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(data.ArtifactsRoot, "*" + TempSuffix, SearchOption.AllDirectories))
        {
            File.Delete(file);
            count++;
        }

        return count;
    }

    private string CompressedPath(string sha256) => Path.Combine(data.ArtifactsRoot, sha256[..2], sha256 + CompressedSuffix);

    private string LegacyPath(string sha256) => Path.Combine(data.ArtifactsRoot, sha256[..2], sha256);

    public static bool IsSha256(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);
}
