using Microsoft.Data.Sqlite;

namespace ReceiptGuard.E2E.Crash;

/// <summary>
/// Reads a host's data folder directly (not through the host), to check what is on disk: the artifact files, the
/// artifacts the database refers to, and whether every snapshot has been parsed.
/// </summary>
public sealed class DataFolder(string path)
{
    private string ArtifactsRoot => Path.Combine(path, "artifacts");

    public IReadOnlyList<string> TemporaryFiles() =>
        Directory.Exists(ArtifactsRoot) ? Directory.GetFiles(ArtifactsRoot, "*.tmp", SearchOption.AllDirectories) : [];

    /// <summary>SHA-256 of every artifact file (artifacts/ab/&lt;sha256&gt;.gz), checked to sit in its own prefix folder.</summary>
    public IReadOnlySet<string> ArtifactFiles()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(ArtifactsRoot, "*", SearchOption.AllDirectories))
        {
            var sha256 = Path.GetFileName(file).EndsWith(".gz", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(file) : Path.GetFileName(file);
            Assert.Equal(sha256[..2], Path.GetFileName(Path.GetDirectoryName(file)));
            found.Add(sha256);
        }

        return found;
    }

    /// <summary>Every artifact a row refers to: the snapshots' files, manifests and tokens, and the parse results.</summary>
    public async Task<IReadOnlySet<string>> ReferencedArtifactsAsync()
    {
        const string sql = """
            SELECT html_sha256 FROM snapshots UNION SELECT embedded_sha256 FROM snapshots UNION SELECT screenshot_sha256 FROM snapshots
            UNION SELECT manifest_sha256 FROM snapshots UNION SELECT timestamp_sha256 FROM snapshots UNION SELECT result_sha256 FROM parse_results;
            """;
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = sql;
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(0))
            {
                referenced.Add(reader.GetString(0));
            }
        }

        return referenced;
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = sql;
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        // Unpooled: no handle on the file outlives the check (the folder is deleted afterwards).
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(path, "receiptguard.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
