using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ReceiptGuard.Host.Evidence.Signing;

namespace ReceiptGuard.Host.Tests;

/// <summary>
/// The evidence store through the real API and a real SQLite file: signed manifests, the custody chain, the store
/// check against every kind of tampering, deletion, notes, search and deduplication.
/// </summary>
public sealed class EvidenceStoreTests : IDisposable
{
    private readonly HostFactory _host = new();
    private readonly HttpClient _client;

    public EvidenceStoreTests()
    {
        _client = _host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    private async Task<JsonObject> StoreAsync(Action<JsonObject>? change = null)
    {
        var snapshot = Fixtures.NewSnapshot(change);
        var response = await _client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = snapshot["id"]!.GetValue<string>();
        // Parsed in the background: wait, so the parse's custody entry is in before the test looks.
        for (var wait = 0; wait < 200; wait++)
        {
            var one = (await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!;
            if (one["parse"]?["status"]?.GetValue<string>() != "pending")
            {
                return one;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"snapshot {id} was not parsed");
    }

    private async Task<JsonObject> VerifyAsync() => (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/verify"))!;

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "receiptguard.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string ArtifactPath(string sha256) => Path.Combine(_host.DataDirectory, "artifacts", sha256[..2], sha256 + ".gz");

    private void Overwrite(string sha256, string content)
    {
        using var file = File.Create(ArtifactPath(sha256));
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
    }

    [Fact]
    public async Task A_stored_snapshot_has_a_manifest_signed_by_the_key_the_host_shows_and_a_chained_custody_log()
    {
        var snapshot = await StoreAsync();
        var id = snapshot["id"]!.GetValue<string>();

        var key = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/key"))!;
        var publicKeyDer = Convert.FromBase64String(string.Concat(key["publicKeyPem"]!.GetValue<string>().Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        Assert.Equal(SigningKey.FingerprintOf(publicKeyDer), key["fingerprint"]!.GetValue<string>());

        var manifestBytes = await _client.GetByteArrayAsync($"/api/snapshots/{id}/manifest");
        Assert.Equal(snapshot["manifestSha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(manifestBytes)));
        Assert.True(SigningKey.VerifyWith(publicKeyDer, manifestBytes, Convert.FromBase64String(snapshot["manifestSignature"]!.GetValue<string>())));
        var manifest = JsonNode.Parse(manifestBytes)!;
        Assert.Equal(id, manifest["snapshotId"]!.GetValue<string>());
        Assert.Equal(snapshot["url"]!.GetValue<string>(), manifest["url"]!.GetValue<string>());
        var files = manifest["files"]!.AsArray();
        Assert.Equal(["page.html", "embedded-data.json", "screenshot.png"], files.Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(snapshot["htmlSha256"]!.GetValue<string>(), files[0]!["sha256"]!.GetValue<string>());
        Assert.Equal(snapshot["screenshotSha256"]!.GetValue<string>(), files[2]!["sha256"]!.GetValue<string>());

        var custody = (await _client.GetFromJsonAsync<JsonArray>($"/api/snapshots/{id}/custody"))!;
        Assert.Equal(["snapshot.stored", "snapshot.parsed"], custody.Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal(custody[0]!["hash"]!.GetValue<string>(), custody[1]!["previousHash"]!.GetValue<string>());
        Assert.Equal(new string('0', 64), custody[0]!["previousHash"]!.GetValue<string>());

        var report = await VerifyAsync();
        Assert.True(report["ok"]!.GetValue<bool>(), report.ToJsonString());
        Assert.Equal(1, report["snapshots"]!.GetValue<int>());
        Assert.Equal(2, report["entries"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_store_check_names_an_edited_a_removed_and_a_reordered_custody_entry()
    {
        await StoreAsync();
        await StoreAsync();
        Assert.True((await VerifyAsync())["ok"]!.GetValue<bool>());

        Execute("UPDATE custody_log SET detail = replace(detail, 'parsersVersion', 'parsersVersio') WHERE seq = 2;");
        Assert.StartsWith("custody entry 2: edited", (await VerifyAsync())["firstProblem"]!.GetValue<string>(), StringComparison.Ordinal);
        Execute("UPDATE custody_log SET detail = replace(detail, 'parsersVersio', 'parsersVersion') WHERE seq = 2;");
        Assert.True((await VerifyAsync())["ok"]!.GetValue<bool>());

        Execute("DELETE FROM custody_log WHERE seq = 3;");
        Assert.StartsWith("custody entry 3: missing", (await VerifyAsync())["firstProblem"]!.GetValue<string>(), StringComparison.Ordinal);

        // Reordered: entries 1 and 2 swap places, each renumbered and rehashed as if genuine; the link to 4 breaks.
        Execute("""
            DELETE FROM custody_log;
            """);
        var fresh = new HostFactory();
        using (fresh)
        {
            using var client = fresh.CreateClient();
            foreach (var _ in Enumerable.Range(0, 2))
            {
                var snapshot = Fixtures.NewSnapshot();
                (await client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            }

            await WaitForEntriesAsync(client, 4);
            using var connection = new SqliteConnection($"Data Source={Path.Combine(fresh.DataDirectory, "receiptguard.db")};Pooling=False");
            connection.Open();
            using var swap = connection.CreateCommand();
            swap.CommandText = "UPDATE custody_log SET seq = -seq WHERE seq IN (1, 2); UPDATE custody_log SET seq = 2 WHERE seq = -1; UPDATE custody_log SET seq = 1 WHERE seq = -2;";
            swap.ExecuteNonQuery();
            var report = (await client.GetFromJsonAsync<JsonObject>("/api/evidence/verify"))!;
            Assert.False(report["ok"]!.GetValue<bool>());
            Assert.StartsWith("custody entry 1: does not follow", report["firstProblem"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    private static async Task WaitForEntriesAsync(HttpClient client, int entries)
    {
        for (var wait = 0; wait < 200; wait++)
        {
            if ((await client.GetFromJsonAsync<JsonObject>("/api/evidence/verify"))!["entries"]!.GetValue<int>() >= entries)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"the log did not reach {entries} entries");
    }

    [Fact]
    public async Task The_store_check_names_an_altered_page_a_missing_screenshot_an_altered_manifest_and_an_edited_row()
    {
        var snapshot = await StoreAsync();
        var id = snapshot["id"]!.GetValue<string>();

        var html = snapshot["htmlSha256"]!.GetValue<string>();
        var original = File.ReadAllBytes(ArtifactPath(html));
        Overwrite(html, "<html>not what was captured</html>");
        var problem = (await VerifyAsync())["firstProblem"]!.GetValue<string>();
        Assert.Contains($"snapshot {id}: page.html (sha256 {html}): the file was altered", problem, StringComparison.Ordinal);
        File.WriteAllBytes(ArtifactPath(html), original);

        var screenshot = snapshot["screenshotSha256"]!.GetValue<string>();
        File.Move(ArtifactPath(screenshot), ArtifactPath(screenshot) + ".away");
        Assert.Contains($"screenshot.png (sha256 {screenshot}): the file is missing", (await VerifyAsync())["firstProblem"]!.GetValue<string>(), StringComparison.Ordinal);
        File.Move(ArtifactPath(screenshot) + ".away", ArtifactPath(screenshot));

        var manifest = snapshot["manifestSha256"]!.GetValue<string>();
        var manifestFile = File.ReadAllBytes(ArtifactPath(manifest));
        Overwrite(manifest, "{}");
        Assert.Contains($"snapshot {id}: manifest (sha256 {manifest}): the file was altered", (await VerifyAsync())["firstProblem"]!.GetValue<string>(), StringComparison.Ordinal);
        File.WriteAllBytes(ArtifactPath(manifest), manifestFile);
        Assert.True((await VerifyAsync())["ok"]!.GetValue<bool>());

        Execute($"UPDATE snapshots SET url = 'https://example.com/else' WHERE id = '{id}';");
        Assert.Equal($"snapshot {id}: the database row (id, url, title or capture time) differs from its signed manifest", (await VerifyAsync())["firstProblem"]!.GetValue<string>());
    }

    [Fact]
    public async Task One_snapshots_check_covers_its_files_signature_and_custody_entries_and_not_its_neighbours()
    {
        var snapshot = await StoreAsync();
        var other = await StoreAsync(s => s["html"] = "<html><body>another page</body></html>");
        var id = snapshot["id"]!.GetValue<string>();
        async Task<JsonObject> CheckAsync(string which) => (await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{which}/verify"))!;

        var intact = await CheckAsync(id);
        Assert.True(intact["ok"]!.GetValue<bool>(), intact.ToJsonString());
        // stored and parsed; manifest, page, screenshot, embedded data, context and parse result
        Assert.Equal(2, intact["entries"]!.GetValue<int>());
        Assert.True(intact["files"]!.GetValue<int>() >= 4, intact.ToJsonString());
        Assert.Equal(_host.Services.GetRequiredService<SigningKey>().Fingerprint, intact["keyFingerprint"]!.GetValue<string>());

        // Its page altered: named; the other snapshot, whose files differ, still checks out.
        var html = snapshot["htmlSha256"]!.GetValue<string>();
        Assert.NotEqual(html, other["htmlSha256"]!.GetValue<string>());
        var original = File.ReadAllBytes(ArtifactPath(html));
        Overwrite(html, "<html>not what was captured</html>");
        var altered = await CheckAsync(id);
        Assert.False(altered["ok"]!.GetValue<bool>());
        Assert.Equal($"snapshot {id}: page.html (sha256 {html}): the file was altered (its content hashes differently)", altered["firstProblem"]!.GetValue<string>());
        Assert.True((await CheckAsync(other["id"]!.GetValue<string>()))["ok"]!.GetValue<bool>());
        File.WriteAllBytes(ArtifactPath(html), original);
        Assert.True((await CheckAsync(id))["ok"]!.GetValue<bool>());

        // One of its custody entries edited: named, by its number.
        var seq = (await _client.GetFromJsonAsync<JsonArray>($"/api/snapshots/{id}/custody"))![0]!["seq"]!.GetValue<long>();
        Execute($"UPDATE custody_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = {seq};");
        Assert.Equal($"custody entry {seq}: edited (its hash does not match what it records)", (await CheckAsync(id))["firstProblem"]!.GetValue<string>());

        var missing = await _client.GetAsync($"/api/snapshots/{Guid.NewGuid()}/verify");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task One_snapshots_check_names_an_entry_before_it_that_was_removed()
    {
        var first = await StoreAsync();
        var second = await StoreAsync();
        var entries = (await _client.GetFromJsonAsync<JsonArray>($"/api/snapshots/{second["id"]}/custody"))!;
        var seq = entries[0]!["seq"]!.GetValue<long>();

        Execute($"DELETE FROM custody_log WHERE seq = {seq - 1};");

        var check = (await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{second["id"]}/verify"))!;
        Assert.Equal($"custody entry {seq - 1}: missing (entry {seq} follows it)", check["firstProblem"]!.GetValue<string>());
        Assert.NotNull(first);
    }

    [Fact]
    public async Task A_row_removed_behind_the_hosts_back_is_named_and_a_deleted_one_is_not()
    {
        var kept = await StoreAsync();
        var removed = await StoreAsync();
        var removedId = removed["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/snapshots/{kept["id"]}")).StatusCode);
        var report = await VerifyAsync();
        Assert.True(report["ok"]!.GetValue<bool>(), report.ToJsonString());

        Execute($"DELETE FROM orders WHERE snapshot_id = '{removedId}'; DELETE FROM parse_results WHERE snapshot_id = '{removedId}'; DELETE FROM snapshots WHERE id = '{removedId}';");
        Assert.StartsWith($"snapshot {removedId}: logged as stored (custody entry", (await VerifyAsync())["firstProblem"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_snapshot_removes_its_own_files_keeps_shared_ones_and_logs_it()
    {
        var first = await StoreAsync();
        var second = await StoreAsync();
        var firstId = first["id"]!.GetValue<string>();
        // Same page and screenshot bytes (the example): shared files; the manifests differ (ids and times).
        Assert.Equal(first["htmlSha256"]!.GetValue<string>(), second["htmlSha256"]!.GetValue<string>());

        var deleted = await _client.DeleteAsync($"/api/snapshots/{firstId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/snapshots/{firstId}")).StatusCode);
        Assert.False(File.Exists(ArtifactPath(first["manifestSha256"]!.GetValue<string>())));
        Assert.True(File.Exists(ArtifactPath(first["htmlSha256"]!.GetValue<string>())));
        Assert.True(File.Exists(ArtifactPath(second["manifestSha256"]!.GetValue<string>())));
        var custody = (await _client.GetFromJsonAsync<JsonArray>($"/api/snapshots/{firstId}/custody"))!;
        Assert.Equal("snapshot.deleted", custody[^1]!["kind"]!.GetValue<string>());
        Assert.Equal(first["manifestSha256"]!.GetValue<string>(), JsonNode.Parse(custody[^1]!["detail"]!.GetValue<string>())!["manifest"]!.GetValue<string>());
        Assert.True((await VerifyAsync())["ok"]!.GetValue<bool>());

        await _client.DeleteAsync($"/api/snapshots/{second["id"]}");
        Assert.Empty(Directory.GetFiles(Path.Combine(_host.DataDirectory, "artifacts"), "*", SearchOption.AllDirectories));
        var problem = await _client.DeleteAsync($"/api/snapshots/{firstId}");
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_note_is_stored_and_logged_and_a_bad_one_is_refused_with_a_problem()
    {
        var id = (await StoreAsync())["id"]!.GetValue<string>();

        var created = await _client.PostAsJsonAsync($"/api/snapshots/{id}/notes", new { text = "  卖家说明天补发  " });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var notes = (await _client.GetFromJsonAsync<JsonArray>($"/api/snapshots/{id}/notes"))!;
        Assert.Equal("卖家说明天补发", notes.Single()!["text"]!.GetValue<string>());
        var custody = (await _client.GetFromJsonAsync<JsonArray>($"/api/snapshots/{id}/custody"))!;
        Assert.Equal("note.added", custody[^1]!["kind"]!.GetValue<string>());
        Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("卖家说明天补发"))),
            JsonNode.Parse(custody[^1]!["detail"]!.GetValue<string>())!["textSha256"]!.GetValue<string>());

        var empty = await _client.PostAsJsonAsync($"/api/snapshots/{id}/notes", new { text = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("text", (await empty.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        var unknown = await _client.PostAsJsonAsync($"/api/snapshots/{Guid.NewGuid()}/notes", new { text = "x" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Single((await _client.GetFromJsonAsync<JsonArray>($"/api/snapshots/{id}/notes"))!);
    }

    [Fact]
    public async Task Search_finds_snapshots_by_title_order_id_shop_and_item_words_of_any_length()
    {
        var keyboard = await StoreAsync(s =>
        {
            s["title"] = "机械键盘订单详情";
            s["orderHint"] = "3398765432109876543";
            s["html"] = """
                <html><body><div id="J_bought_main"><div class="js-order-container" data-id="3398765432109876543"><span>订单号: 3398765432109876543</span>
                <a class="shop-name">键盘侠旗舰店</a><div class="item"><a class="item-title">Cherry 红轴机械键盘</a></div>
                <div class="status"><span>卖家已发货</span></div></div></div></body></html>
                """;
        });
        await StoreAsync(s => s["title"] = "已买到的宝贝");

        async Task<string[]> FindAsync(string q) =>
            (await _client.GetFromJsonAsync<JsonObject>($"/api/search?q={Uri.EscapeDataString(q)}"))!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();

        var id = keyboard["id"]!.GetValue<string>();
        Assert.Equal([id], await FindAsync("机械键盘"));
        Assert.Equal([id], await FindAsync("键盘"));
        Assert.Equal([id], await FindAsync("3398765432109876543"));
        Assert.Equal([id], await FindAsync("红轴"));
        Assert.Equal([id], await FindAsync("cherry 键盘"));
        Assert.Empty(await FindAsync("鼠标"));
        Assert.Empty(await FindAsync("\"unbalanced"));

        var bad = await _client.GetAsync("/api/search?q=");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ten_snapshots_of_the_same_page_take_at_most_twice_one_pages_compressed_size()
    {
        // A list page about the size of a real one, with text as varied as real product titles (seeded, so repeatable).
        var random = new Random(7);
        string Words(int count) => new(Enumerable.Range(0, count).Select(_ => (char)random.Next(0x4E00, 0x9FA5)).ToArray());
        var page = string.Concat(Enumerable.Range(0, 120).Select(i =>
            $"<div class=\"order\" data-id=\"33{random.NextInt64(100_000_000_000_000_000):D17}\"><span>订单号: 33{i:D17}</span>" +
            $"<a class=\"item-title\">{Words(40)}</a><span class=\"sku\">{Words(12)}</span><span class=\"price\">￥{random.Next(1, 99999)}.{random.Next(0, 99):D2}</span><span>卖家已发货</span></div>\n"));
        var html = $"<html><head><title>已买到的宝贝</title></head><body>{page}</body></html>";
        for (var i = 0; i < 10; i++)
        {
            await StoreAsync(s =>
            {
                s["html"] = html;
                s["screenshot"] = null;
                s["embeddedData"] = new JsonArray();
            });
        }

        var onePage = new MemoryStream();
        using (var gzip = new GZipStream(onePage, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(html));
        }

        var stored = Directory.GetFiles(Path.Combine(_host.DataDirectory, "artifacts"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(stored <= 2 * onePage.Length, $"10 snapshots of one {html.Length}-character page take {stored} bytes; one compressed page is {onePage.Length}");
    }

    [Fact]
    public async Task Start_up_removes_temporary_and_unreferenced_files_and_keeps_referenced_ones()
    {
        var snapshot = await StoreAsync();
        var directory = Path.Combine(_host.DataDirectory, "artifacts", "ab");
        Directory.CreateDirectory(directory);
        var orphan = Path.Combine(directory, "ab" + new string('1', 62) + ".gz");
        var temporary = Path.Combine(directory, "ab" + new string('2', 62) + ".gz.0123.tmp");
        File.WriteAllText(orphan, "written before a row that never committed");
        File.WriteAllText(temporary, "half");
        _client.Dispose();
        _host.Dispose();

        using var again = new HostFactory(_host.DataDirectory);
        using var client = again.CreateClient();
        var report = (await client.GetFromJsonAsync<JsonObject>("/api/evidence/verify"))!;

        Assert.True(report["ok"]!.GetValue<bool>(), report.ToJsonString());
        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(temporary));
        Assert.True(File.Exists(ArtifactPath(snapshot["htmlSha256"]!.GetValue<string>())));
    }
}
