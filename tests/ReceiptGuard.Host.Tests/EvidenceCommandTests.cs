using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ReceiptGuard.Host.Cli;
using ReceiptGuard.Host.Evidence.Export;

namespace ReceiptGuard.Host.Tests;

/// <summary>
/// <c>export</c>, <c>verify</c> and <c>import</c> on a real data folder that the host (in process) filled, and the
/// export download: a bundle verifies, and any change to it is named.
/// </summary>
public sealed class EvidenceCommandTests : IDisposable
{
    private const string OrderId = "3312345678901234567";

    private readonly HostFactory _host = new();
    private readonly HttpClient _client;
    private readonly string _work = TempDirectory.Create("evidence-commands");

    public EvidenceCommandTests()
    {
        _client = _host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    private async Task<string> StoreAsync(Action<JsonObject>? change = null)
    {
        var snapshot = Fixtures.NewSnapshot(change);
        (await _client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return snapshot["id"]!.GetValue<string>();
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var cli = CommandLine.Parse(args);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = cli.Command switch
        {
            "export" => await ExportCommand.RunAsync(cli, output, error),
            "verify" => await VerifyCommand.RunAsync(cli, output, error),
            "import" => await ImportCommand.RunAsync(cli, output, error),
            _ => throw new ArgumentException(cli.Command),
        };
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Rewrites one entry of a zip with other content (the rest unchanged).</summary>
    private static void Replace(string zipPath, string entryName, byte[] content)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        zip.GetEntry(entryName)!.Delete();
        using var stream = zip.CreateEntry(entryName).Open();
        stream.Write(content);
    }

    [Theory]
    [InlineData("zip")]
    [InlineData("wacz")]
    public async Task An_orders_export_verifies_and_an_altered_page_in_it_is_named(string format)
    {
        var first = await StoreAsync();
        var second = await StoreAsync();
        await StoreAsync(s => s["orderHint"] = "9999999999");
        var bundle = Path.Combine(_work, $"order.{format}");

        var export = await RunAsync("export", "--data", _host.DataDirectory, "--order", OrderId, "--out", bundle, "--format", format);

        Assert.Equal(0, export.Code);
        Assert.Contains("2 snapshot(s) of order " + OrderId, export.Output, StringComparison.Ordinal);
        var verify = await RunAsync("verify", bundle);
        Assert.Equal(0, verify.Code);
        Assert.Contains("OK:", verify.Output, StringComparison.Ordinal);
        var key = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/key"))!["fingerprint"]!.GetValue<string>();
        Assert.Contains(key, verify.Output, StringComparison.Ordinal);

        var root = format == "wacz" ? "receiptguard/" : "";
        var page = $"{root}snapshots/{first}/page.html";
        using (var zip = ZipFile.OpenRead(bundle))
        {
            Assert.NotNull(zip.GetEntry($"{root}snapshots/{second}/manifest.json"));
        }

        Replace(bundle, page, Encoding.UTF8.GetBytes("<html>changed after export</html>"));
        var tampered = await RunAsync("verify", bundle);
        Assert.Equal(1, tampered.Code);
        Assert.Contains(page, tampered.Error, StringComparison.Ordinal);

        var custody = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/verify"))!;
        Assert.True(custody["ok"]!.GetValue<bool>(), custody.ToJsonString());
    }

    [Fact]
    public async Task Verify_without_a_bundle_checks_the_store_and_names_an_altered_file()
    {
        var id = await StoreAsync();
        var ok = await RunAsync("verify", "--data", _host.DataDirectory);
        Assert.Equal(0, ok.Code);
        Assert.Contains("is intact", ok.Output, StringComparison.Ordinal);

        var html = (await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!["htmlSha256"]!.GetValue<string>();
        using (var gzip = new GZipStream(File.Create(Path.Combine(_host.DataDirectory, "artifacts", html[..2], html + ".gz")), CompressionLevel.Fastest))
        {
            gzip.Write("<html>edited</html>"u8);
        }

        var bad = await RunAsync("verify", "--data", _host.DataDirectory);
        Assert.Equal(1, bad.Code);
        Assert.StartsWith($"FAILED: snapshot {id}: page.html (sha256 {html}): the file was altered", bad.Error, StringComparison.Ordinal);

        var export = await RunAsync("export", "--data", _host.DataDirectory, "--snapshot", id, "--out", Path.Combine(_work, "x.zip"));
        Assert.Equal(1, export.Code);
        Assert.Contains("was altered on disk", export.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "x.zip")));
    }

    [Fact]
    public async Task Bad_export_arguments_are_refused_with_a_clear_message_and_nothing_written()
    {
        Assert.Equal(2, (await RunAsync("export", "--data", _host.DataDirectory, "--out", Path.Combine(_work, "a.zip"))).Code);
        Assert.Contains("exactly one of", (await RunAsync("export", "--data", _host.DataDirectory, "--all", "--order", "1", "--out", "b.zip")).Error, StringComparison.Ordinal);
        Assert.Contains("not zip or wacz", (await RunAsync("export", "--data", _host.DataDirectory, "--all", "--out", "c.zip", "--format", "tar")).Error, StringComparison.Ordinal);
        var none = await RunAsync("export", "--data", _host.DataDirectory, "--order", "404", "--out", Path.Combine(_work, "d.zip"));
        Assert.Equal(1, none.Code);
        Assert.Contains("no snapshot", none.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_work));
    }

    [Fact]
    public async Task Saved_pages_are_imported_signed_logged_and_parsed_once()
    {
        var singleFile = Path.Combine(_work, "dangdang-singlefile.html");
        File.WriteAllText(singleFile, """
            <!DOCTYPE html> <html lang="zh-CN"><!--
             Page saved with SingleFile 
             url: http://myhome.dangdang.com/myOrder/list 
             saved date: Thu Nov 26 2026 10:15:00 GMT+0800 (China Standard Time)
            --><head><meta charset="utf-8"><title>我的订单 - 当当</title></head>
            <body><div class="order"><span>订单号：61234567890</span><span>已发货</span><a href="/confirm?id=61234567890">确认收货</a></div></body></html>
            """);
        var chrome = Path.Combine(_work, "chrome-saved.html");
        File.Copy(Fixtures.PathOf("shops/dangdang/list-wait-receive.html"), chrome);
        var noAddress = Path.Combine(_work, "no-address.html");
        File.WriteAllText(noAddress, "<html><head><title>x</title></head><body>订单号：123456789</body></html>");

        var import = await RunAsync("import", "--data", _host.DataDirectory, singleFile, chrome, noAddress, "--url", "http://myhome.dangdang.com/myOrder/list");
        Assert.Equal(0, import.Code);
        Assert.Contains("3 imported", import.Output, StringComparison.Ordinal);

        var again = await RunAsync("import", "--data", _host.DataDirectory, singleFile);
        Assert.Contains("1 already in the store", again.Output, StringComparison.Ordinal);

        var missing = await RunAsync("import", "--data", _host.DataDirectory, Path.Combine(_work, "nope.html"));
        Assert.Equal(1, missing.Code);
        Assert.Contains("no such file", missing.Error, StringComparison.Ordinal);

        var list = (await _client.GetFromJsonAsync<JsonObject>("/api/snapshots"))!["items"]!.AsArray();
        var imported = list.Single(s => s!["title"]!.GetValue<string>() == "我的订单 - 当当")!;
        Assert.Equal("manual", imported["capture"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T02:15:00Z", System.Globalization.CultureInfo.InvariantCulture), imported["capturedAt"]!.GetValue<DateTimeOffset>());
        var parsed = (await _client.GetFromJsonAsync<JsonObject>($"/api/snapshots/{imported["id"]}/parsed"))!;
        Assert.Equal("61234567890", parsed["orders"]![0]!["orderId"]!["value"]!.GetValue<string>());
        var custody = (await _client.GetFromJsonAsync<JsonArray>($"/api/snapshots/{imported["id"]}/custody"))!;
        Assert.Equal("dangdang-singlefile.html", JsonNode.Parse(custody[0]!["detail"]!.GetValue<string>())!["importedFrom"]!.GetValue<string>());
        Assert.Equal(0, (await RunAsync("verify", "--data", _host.DataDirectory)).Code);
    }

    [Theory]
    [InlineData("zip")]
    [InlineData("wacz")]
    public async Task An_earlier_export_imports_into_another_store_with_its_ids_and_an_altered_one_does_not(string format)
    {
        var first = await StoreAsync();
        var second = await StoreAsync();
        var bundle = Path.Combine(_work, $"all.{format}");
        Assert.Equal(0, (await RunAsync("export", "--data", _host.DataDirectory, "--all", "--out", bundle, "--format", format)).Code);
        var other = Path.Combine(_work, "other-store");

        var import = await RunAsync("import", "--data", other, bundle);

        Assert.Equal(0, import.Code);
        Assert.Contains("2 new", import.Output, StringComparison.Ordinal);
        Assert.Contains(first, import.Output, StringComparison.Ordinal);
        Assert.Contains(second, import.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("verify", "--data", other)).Code);
        Assert.Contains("already in the store", (await RunAsync("import", "--data", other, bundle)).Output, StringComparison.Ordinal);

        var root = format == "wacz" ? "receiptguard/" : "";
        var altered = Path.Combine(_work, $"altered.{format}");
        File.Copy(bundle, altered);
        Replace(altered, $"{root}snapshots/{first}/page.html", "<html>forged</html>"u8.ToArray());
        var refused = await RunAsync("import", "--data", Path.Combine(_work, "third-store"), altered);
        Assert.Equal(1, refused.Code);
        Assert.Contains("the bundle does not verify", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_is_downloaded_as_a_bundle_that_verifies_and_the_export_is_logged()
    {
        var id = await StoreAsync();

        var response = await _client.GetAsync($"/api/export?order={OrderId}&format=zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(OrderId, response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var report = BundleVerifier.Verify(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.True(report.Ok, report.FirstProblem);
        Assert.Empty(Directory.GetFiles(Path.Combine(_host.DataDirectory, "exports")));
        var log = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/verify"))!;
        Assert.True(log["ok"]!.GetValue<bool>(), log.ToJsonString());

        var bad = await _client.GetAsync("/api/export?format=tar");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/export?snapshot={Guid.NewGuid()}")).StatusCode);
        Assert.NotNull(id);
    }
}
