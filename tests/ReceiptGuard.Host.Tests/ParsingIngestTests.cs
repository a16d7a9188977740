using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReceiptGuard.Host.Cli;
using ReceiptGuard.Host.Parsing;
using ReceiptGuard.Host.Parsing.Ingest;
using ReceiptGuard.Host.Storage;

namespace ReceiptGuard.Host.Tests;

/// <summary>
/// Parsing on ingest, start-up sweep, reparse and the parse API. Written to hold for any parser (the generic one may
/// find nothing): they check that results exist, are consistent, and that the stored originals never change.
/// </summary>
public sealed class ParsingIngestTests
{
    private static HostFactory WithoutParsing(string directory) => new(directory)
    {
        TestServices = services => services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ParseWorker))),
    };

    private static async Task<string> PostAsync(HttpClient client, JsonObject snapshot)
    {
        (await client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return snapshot["id"]!.GetValue<string>();
    }

    /// <summary>The snapshot detail's <c>parse</c> once it is no longer pending.</summary>
    private static async Task<JsonObject> WaitForParseAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var parse = (await client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!["parse"]!.AsObject();
            if (parse["status"]!.GetValue<string>() != "pending")
            {
                return parse;
            }

            Assert.True(DateTime.UtcNow < deadline, $"snapshot {id} was not parsed within 15 s");
            await Task.Delay(50);
        }
    }

    private static SqliteConnection Open(string directory)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "receiptguard.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(string directory, string sql)
    {
        using var connection = Open(directory);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Every column of the snapshot's row, to show that parsing never changes it.</summary>
    private static string SnapshotRow(string directory, string id)
    {
        using var connection = Open(directory);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM snapshots WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The SHA-256 of what the stored file holds (decompressed), read past the store's own API.</summary>
    private static string Sha256OfFile(string directory, string sha256)
    {
        using var file = File.OpenRead(Path.Combine(directory, "artifacts", sha256[..2], sha256 + ".gz"));
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        return Convert.ToHexStringLower(SHA256.HashData(gzip));
    }

    [Fact]
    public async Task A_posted_snapshot_gets_a_parse_result_that_the_api_row_and_orders_table_agree_on()
    {
        using var host = new HostFactory();
        using var client = host.CreateClient();
        var id = await PostAsync(client, Fixtures.NewSnapshot());

        var parse = await WaitForParseAsync(client, id);

        Assert.Equal("parsed", parse["status"]!.GetValue<string>());
        Assert.Equal(PageParser.Version, parse["version"]!.GetValue<int>());
        var parsed = (await client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}/parsed"))!;
        Assert.Equal(parse["parser"]!.GetValue<string>(), parsed["parser"]!.GetValue<string>());
        Assert.Equal(parse["platform"]!.GetValue<string>(), parsed["platform"]!.GetValue<string>());
        Assert.Equal(parse["kind"]!.GetValue<string>(), parsed["kind"]!.GetValue<string>());
        var orders = parsed["orders"]!.AsArray().Count;
        Assert.Equal(orders, parse["orders"]!.GetValue<int>());
        Assert.Equal((long)orders, Scalar(host.DataDirectory, $"SELECT COUNT(*) FROM orders WHERE snapshot_id = '{id}';"));
    }

    [Fact]
    public async Task A_captured_page_that_declares_gbk_is_read_as_the_utf8_the_host_stored()
    {
        using var host = new HostFactory();
        using var client = host.CreateClient();
        // The extension sends text; the page's own meta still names the shop's encoding.
        var id = await PostAsync(client, Fixtures.NewSnapshot(s => s["html"] = """
            <!DOCTYPE html><html><head><meta charset="gbk"><title>已买到的宝贝</title></head><body><div id="J_bought_main">
            <div class="js-order-container" data-id="3312345678901234567"><a class="shop-name">木作家手工定制店</a>
            <div class="item"><a class="item-title">胡桃木收纳盒</a></div><div class="status"><span>卖家已发货</span></div></div></div></body></html>
            """));

        Assert.Equal("parsed", (await WaitForParseAsync(client, id))["status"]!.GetValue<string>());
        var order = (await client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}/parsed"))!["orders"]![0]!;
        Assert.Equal("木作家手工定制店", order["shop"]!["value"]!.GetValue<string>());
        Assert.Equal("胡桃木收纳盒", order["items"]![0]!["title"]!["value"]!.GetValue<string>());
        Assert.Equal("shipped", order["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_hub_announces_SnapshotParsed_after_the_result_is_stored()
    {
        using var host = new HostFactory();
        var parsedIds = Channel.CreateUnbounded<Guid>();
        await using var hub = host.CreateHubConnection();
        hub.On<Guid>("SnapshotParsed", id => parsedIds.Writer.TryWrite(id));
        await hub.StartAsync();
        using var client = host.CreateClient();

        var id = await PostAsync(client, Fixtures.NewSnapshot());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.Equal(Guid.Parse(id), await parsedIds.Reader.ReadAsync(timeout.Token));
        // Announced only once the result can be read.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/snapshots/{id}/parsed")).StatusCode);
    }

    [Fact]
    public async Task Before_parsing_parsed_is_a_404_problem_and_the_snapshot_is_pending_then_the_next_start_parses_it()
    {
        var directory = TempDirectory.Create("parsing");
        string id;
        using (var stopped = WithoutParsing(directory))
        {
            using var client = stopped.CreateClient();
            id = await PostAsync(client, Fixtures.NewSnapshot());

            var response = await client.GetAsync($"/api/snapshots/{id}/parsed");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("Not parsed yet", problem["title"]!.GetValue<string>());
            Assert.Contains("not parsed yet", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("pending", (await client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!["parse"]!["status"]!.GetValue<string>());
        }

        using var restarted = new HostFactory(directory);
        using var again = restarted.CreateClient();
        Assert.Equal("parsed", (await WaitForParseAsync(again, id))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/api/snapshots/{id}/parsed")).StatusCode);
    }

    private static ParsedOrder Order(string id, string? shop, OrderStatus status, decimal? total, bool subject) => new(
        new Sourced<string>(id, FieldSource.Embedded), shop is null ? null : new Sourced<string>(shop, FieldSource.Selector), null, [],
        total is { } amount ? new Sourced<decimal>(amount, FieldSource.Label) : null, total is null ? null : "CNY",
        null, null, status, null, null, OrderFlags.None, []) { IsSubject = subject };

    [Fact]
    public async Task A_stored_result_fills_the_orders_table_and_a_new_one_replaces_it()
    {
        var directory = TempDirectory.Create("parsing");
        using var host = WithoutParsing(directory);
        using var client = host.CreateClient();
        var id = await PostAsync(client, Fixtures.NewSnapshot());
        var results = host.Services.GetRequiredService<ParseResultStore>();

        // Results as a platform parser would return them (the parsers themselves are tested by the golden files).
        await results.SaveAsync(Guid.Parse(id), new ParsedPage("taobao", PageKind.List,
            [Order("111", "某某旗舰店", OrderStatus.Shipped, 119.50m, subject: false), Order("222", null, OrderStatus.Unknown, null, subject: true)], "test/1", []));

        using (var connection = Open(directory))
        using (var select = connection.CreateCommand())
        {
            select.CommandText = $"SELECT order_id, shop, status, total, currency, is_subject FROM orders WHERE snapshot_id = '{id}' ORDER BY order_id;";
            using var reader = select.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(["111", "某某旗舰店", "shipped", "119.50", "CNY", 0L], Enumerable.Range(0, 6).Select(reader.GetValue));
            Assert.True(reader.Read());
            Assert.Equal(["222", DBNull.Value, "unknown", DBNull.Value, DBNull.Value, 1L], Enumerable.Range(0, 6).Select(reader.GetValue));
            Assert.False(reader.Read());
        }

        var parse = (await client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!["parse"]!;
        Assert.Equal("parsed", parse["status"]!.GetValue<string>());
        Assert.Equal("222", parse["subjectOrderId"]!.GetValue<string>());
        Assert.Equal(2, parse["orders"]!.GetValue<int>());
        Assert.Equal("list", parse["kind"]!.GetValue<string>());
        var parsed = (await client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}/parsed"))!;
        Assert.Equal("111", parsed["orders"]![0]!["orderId"]!["value"]!.GetValue<string>());
        Assert.Equal("label", parsed["orders"]![0]!["totalPaid"]!["source"]!.GetValue<string>());

        await results.SaveAsync(Guid.Parse(id), new ParsedPage("taobao", PageKind.Detail, [Order("333", null, OrderStatus.Completed, 5m, subject: true)], "test/2", []));

        Assert.Equal(1L, Scalar(directory, $"SELECT COUNT(*) FROM orders WHERE snapshot_id = '{id}';"));
        Assert.Equal("333", Scalar(directory, $"SELECT subject_order_id FROM parse_results WHERE snapshot_id = '{id}';"));
    }

    [Fact]
    public async Task Parsed_of_an_unknown_snapshot_is_a_404_saying_so()
    {
        using var host = new HostFactory();
        using var client = host.CreateClient();
        var response = await client.GetAsync($"/api/snapshots/{Guid.NewGuid()}/parsed");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such snapshot", (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reparse_reruns_outdated_results_by_default_and_all_with_all_and_never_touches_the_stored_page()
    {
        var directory = TempDirectory.Create("parsing");
        string id, htmlSha256;
        using (var host = new HostFactory(directory))
        {
            using var client = host.CreateClient();
            id = await PostAsync(client, Fixtures.NewSnapshot());
            await WaitForParseAsync(client, id);
            htmlSha256 = (await client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!["htmlSha256"]!.GetValue<string>();
        }

        var rowBefore = SnapshotRow(directory, id);
        // As if it had been parsed by an older version of the parsers.
        Scalar(directory, $"UPDATE parse_results SET parser_version = 0, parsed_at = '2000-01-01T00:00:00.000Z' WHERE snapshot_id = '{id}';");

        var output = new StringWriter();
        Assert.Equal(0, await ReparseCommand.RunAsync(CommandLine.Parse(["reparse", "--data", directory]), output));

        Assert.Contains($"[1/1] {id}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Done: ", output.ToString(), StringComparison.Ordinal);
        Assert.Equal((long)PageParser.Version, Scalar(directory, $"SELECT parser_version FROM parse_results WHERE snapshot_id = '{id}';"));
        Assert.NotEqual("2000-01-01T00:00:00.000Z", Scalar(directory, $"SELECT parsed_at FROM parse_results WHERE snapshot_id = '{id}';"));

        // Everything is current now: the default reparses nothing, --all everything.
        output = new StringWriter();
        Assert.Equal(0, await ReparseCommand.RunAsync(CommandLine.Parse(["reparse", "--data", directory, "--older"]), output));
        Assert.DoesNotContain("[1/", output.ToString(), StringComparison.Ordinal);
        output = new StringWriter();
        Assert.Equal(0, await ReparseCommand.RunAsync(CommandLine.Parse(["reparse", "--all", "--data", directory]), output));
        Assert.Contains($"[1/1] {id}", output.ToString(), StringComparison.Ordinal);

        Assert.Equal(rowBefore, SnapshotRow(directory, id));
        Assert.Equal(htmlSha256, Sha256OfFile(directory, htmlSha256));
        Assert.Equal(1L, Scalar(directory, $"SELECT COUNT(*) FROM parse_results WHERE snapshot_id = '{id}';"));
    }

    [Fact]
    public async Task Reparse_of_a_folder_without_a_database_says_so_and_creates_none()
    {
        var directory = TempDirectory.Create("parsing");
        var output = new StringWriter();

        Assert.Equal(1, await ReparseCommand.RunAsync(CommandLine.Parse(["reparse", "--data", directory]), output));

        Assert.Contains("no ReceiptGuard database", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "receiptguard.db")));
    }

    [Fact]
    public void Reparse_is_a_command_whose_flags_take_no_value()
    {
        var cli = CommandLine.Parse(["reparse", "--all"]);
        Assert.Equal("reparse", cli.Command);
        Assert.Equal("true", cli.Option("all"));
        Assert.Contains("reparse", CommandLine.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_4_database_migrates_to_the_latest_and_a_snapshot_whose_page_is_missing_fails_to_parse_without_being_lost()
    {
        var directory = TempDirectory.Create("parsing");
        var id = Guid.NewGuid().ToString("D");
        using (var connection = Open(directory))
        using (var command = connection.CreateCommand())
        {
            // Schema version 4 as it shipped, with one snapshot whose page file is not in the (empty) artifact store.
            command.CommandText = $"""
                PRAGMA journal_mode = WAL;
                CREATE TABLE snapshots (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, received_at TEXT NOT NULL, captured_at TEXT NOT NULL,
                    url TEXT NOT NULL, title TEXT NOT NULL, site TEXT NOT NULL, decision TEXT NOT NULL, button_text TEXT NOT NULL,
                    html_sha256 TEXT NOT NULL, html_bytes INTEGER NOT NULL, fingerprint TEXT NOT NULL);
                ALTER TABLE snapshots ADD COLUMN order_hint TEXT;
                ALTER TABLE snapshots ADD COLUMN capture TEXT NOT NULL DEFAULT 'guard';
                ALTER TABLE snapshots ADD COLUMN embedded_sha256 TEXT;
                ALTER TABLE snapshots ADD COLUMN embedded_bytes INTEGER;
                ALTER TABLE snapshots ADD COLUMN screenshot_sha256 TEXT;
                ALTER TABLE snapshots ADD COLUMN screenshot_type TEXT CHECK (screenshot_type IN ('image/png', 'image/jpeg'));
                ALTER TABLE snapshots ADD COLUMN screenshot_bytes INTEGER;
                ALTER TABLE snapshots ADD COLUMN screenshot_error TEXT;
                ALTER TABLE snapshots ADD COLUMN context TEXT;
                CREATE TABLE host_settings (id INTEGER PRIMARY KEY CHECK (id = 1), max_resource_bytes INTEGER NOT NULL,
                    max_total_bytes INTEGER NOT NULL, screenshots INTEGER NOT NULL CHECK (screenshots IN (0, 1)), updated_at TEXT NOT NULL);
                INSERT INTO snapshots (id, received_at, captured_at, url, title, site, decision, button_text, html_sha256, html_bytes, fingerprint, order_hint)
                VALUES ('{id}', '2026-11-20T10:00:00.000Z', '2026-11-20T09:59:59.000Z', 'https://buyertrade.taobao.com/', 'v4', 'taobao',
                        'confirmed', '确认收货', '{new string('b', 64)}', 10, 'v4-fingerprint', '123');
                PRAGMA user_version = 4;
                """;
            command.ExecuteNonQuery();
            Assert.Equal(Migrations.Latest, await Migrations.ApplyAsync(connection));
            Assert.Equal(9, Migrations.Latest);
        }

        Assert.Equal(0L, Scalar(directory, "SELECT COUNT(*) FROM parse_results;"));
        Assert.Equal(0L, Scalar(directory, "SELECT COUNT(*) FROM orders;"));
        var rowBefore = SnapshotRow(directory, id);

        using var host = new HostFactory(directory);
        using var client = host.CreateClient();
        var parse = await WaitForParseAsync(client, id);

        Assert.Equal("failed", parse["status"]!.GetValue<string>());
        Assert.Contains("not in the data folder", parse["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var response = await client.GetAsync($"/api/snapshots/{id}/parsed");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Parsing failed", (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
        Assert.Equal("v4", (await client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!["title"]!.GetValue<string>());
        // Unchanged but for the three evidence columns schema 6 added last, which the start-up backfill fills in.
        var rowAfter = SnapshotRow(directory, id).Split('|');
        Assert.Equal(string.Join('|', rowBefore.Split('|')[..^3]), string.Join('|', rowAfter[..^3]));
        Assert.Equal(64, rowAfter[^3].Length);
    }
}
