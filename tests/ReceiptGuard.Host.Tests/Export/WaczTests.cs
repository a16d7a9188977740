using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReceiptGuard.Host.Evidence.Signing;

namespace ReceiptGuard.Host.Tests.Export;

public sealed class WaczTests : IDisposable
{
    private readonly ExportSample _sample = new();

    [Fact]
    public void A_written_wacz_verifies_with_our_verifier_too()
    {
        var report = ExportSample.Verify(_sample.Wacz());

        Assert.True(report.Ok, report.FirstProblem);
        Assert.Equal(_sample.Key.Fingerprint, report.KeyFingerprint);
        Assert.Contains(report.Checked, item => item.StartsWith("datapackage-digest.json:", StringComparison.Ordinal));
        Assert.Contains(report.Checked, item => item.StartsWith("receiptguard/" + ExportSample.FolderOf(_sample.First), StringComparison.Ordinal));
        Assert.Contains(report.Checked, item => item.StartsWith("receiptguard/custody.jsonl:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_layout_follows_wacz_with_the_evidence_under_receiptguard()
    {
        var names = ZipEdit.Names(_sample.Wacz());

        Assert.Equal(["datapackage.json", "datapackage-digest.json", "archive/data.warc", "indexes/index.cdx", "pages/pages.jsonl", "receiptguard/README.txt", "receiptguard/public-key.pem", "receiptguard/custody.jsonl"], names.Take(8));
        Assert.Contains("receiptguard/" + ExportSample.FolderOf(_sample.First) + "manifest.json", names);
        Assert.Contains("receiptguard/" + ExportSample.FolderOf(_sample.Second) + "manifest.sig", names);
    }

    [Fact]
    public void The_entries_are_stored_uncompressed_so_replay_can_read_records_by_offset()
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(_sample.Wacz()));

        Assert.All(archive.Entries, entry => Assert.Equal(entry.Length, entry.CompressedLength));
    }

    [Fact]
    public void Datapackage_lists_every_other_file_and_the_digest_signs_its_hash()
    {
        var files = ZipEdit.Read(_sample.Wacz());
        using var package = JsonDocument.Parse(files["datapackage.json"]);
        var root = package.RootElement;

        Assert.Equal("data-package", root.GetProperty("profile").GetString());
        Assert.Equal("1.1.1", root.GetProperty("wacz_version").GetString());
        Assert.Equal(_sample.Bundle.Title, root.GetProperty("title").GetString());
        Assert.Equal("2026-11-26T09:30:00.000Z", root.GetProperty("created").GetString());
        Assert.Equal("ReceiptGuard.Host 0.1.0", root.GetProperty("software").GetString());
        var resources = root.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(files.Keys.Where(name => !name.StartsWith("datapackage", StringComparison.Ordinal)).Order(), resources.Select(resource => resource.GetProperty("path").GetString()!).Order());
        Assert.All(resources, resource =>
        {
            var content = files[resource.GetProperty("path").GetString()!];
            Assert.Equal("sha256:" + Hex(content), resource.GetProperty("hash").GetString());
            Assert.Equal(content.Length, resource.GetProperty("bytes").GetInt64());
        });

        using var digest = JsonDocument.Parse(files["datapackage-digest.json"]);
        var hash = "sha256:" + Hex(files["datapackage.json"]);
        Assert.Equal("datapackage.json", digest.RootElement.GetProperty("path").GetString());
        Assert.Equal(hash, digest.RootElement.GetProperty("hash").GetString());
        var signed = digest.RootElement.GetProperty("signedData");
        Assert.Equal(["hash", "signature", "publicKey", "created", "software"], signed.EnumerateObject().Select(property => property.Name));
        Assert.Equal(hash, signed.GetProperty("hash").GetString());
        Assert.Equal(_sample.Key.PublicKeyDer, Convert.FromBase64String(signed.GetProperty("publicKey").GetString()!));
        Assert.True(SigningKey.VerifyWith(_sample.Key.PublicKeyDer, Encoding.UTF8.GetBytes(hash), Convert.FromBase64String(signed.GetProperty("signature").GetString()!)));
    }

    [Fact]
    public void The_warc_parses_back_into_warcinfo_then_each_page_response_and_screenshot_resource()
    {
        var records = WarcReader.ReadAll(ZipEdit.Read(_sample.Wacz())["archive/data.warc"]);

        Assert.Equal(["warcinfo", "response", "resource", "response"], records.Select(record => record["WARC-Type"]));
        Assert.All(records, record =>
        {
            Assert.Equal("WARC/1.1", record.Version);
            Assert.Matches("^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>$", record["WARC-Record-ID"]);
        });
        Assert.Equal(records.Count, records.Select(record => record["WARC-Record-ID"]).Distinct().Count());
        Assert.Equal("2026-11-26T09:30:00Z", records[0]["WARC-Date"]);
        Assert.Equal("application/warc-fields", records[0]["Content-Type"]);

        var response = records[1];
        var page = _sample.First.Files.Single(file => file.Name == "page.html").Content;
        Assert.Equal(_sample.First.Url, response["WARC-Target-URI"]);
        Assert.Equal("2026-11-26T08:15:30Z", response["WARC-Date"]);
        Assert.Equal("application/http; msgtype=response", response["Content-Type"]);
        Assert.Equal("sha256:" + Hex(response.Block), response["WARC-Block-Digest"]);
        Assert.Equal("sha256:" + Hex(page), response["WARC-Payload-Digest"]);
        var (head, body) = WarcReader.Http(response.Block);
        Assert.Equal("HTTP/1.1 200 OK", head[0]);
        Assert.Contains("Content-Type: text/html; charset=utf-8", head);
        Assert.Contains($"Content-Length: {page.Length}", head);
        Assert.Equal(page, body);

        var screenshot = records[2];
        Assert.Equal("urn:view:" + _sample.First.Url, screenshot["WARC-Target-URI"]);
        Assert.Equal("image/png", screenshot["Content-Type"]);
        Assert.Equal(_sample.First.Files.Single(file => file.Name == "screenshot.png").Content, screenshot.Block);
        Assert.Equal("sha256:" + Hex(screenshot.Block), screenshot["WARC-Block-Digest"]);

        Assert.Equal(_sample.Second.Url, records[3]["WARC-Target-URI"]);
        Assert.Equal(records[1]["WARC-Record-ID"], WarcReader.ReadAll(ZipEdit.Read(_sample.Wacz())["archive/data.warc"])[1]["WARC-Record-ID"]);
    }

    [Fact]
    public void Each_cdxj_line_is_sorted_surt_keyed_and_points_at_its_record()
    {
        var files = ZipEdit.Read(_sample.Wacz());
        var warc = files["archive/data.warc"];
        var lines = Encoding.UTF8.GetString(files["indexes/index.cdx"]).TrimEnd('\n').Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Contains(lines, line => line.StartsWith("com,jd,order)/center/list.action 20261126090102 {", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("com,taobao,buyertrade)/trade/itemlist/list_bought_items.htm?action=a&b=2 20261126081530 {", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("urn:view:https://buyertrade.taobao.com/", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            using var fields = JsonDocument.Parse(line[(line.IndexOf('{', StringComparison.Ordinal))..]);
            var json = fields.RootElement;
            var offset = long.Parse(json.GetProperty("offset").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var length = long.Parse(json.GetProperty("length").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var record = Assert.Single(WarcReader.ReadAll(warc[(int)offset..(int)(offset + length)]));
            Assert.Equal(json.GetProperty("url").GetString(), record["WARC-Target-URI"]);
            Assert.Equal(json.GetProperty("digest").GetString(), record["WARC-Payload-Digest"]);
            Assert.Equal("200", json.GetProperty("status").GetString());
            Assert.Equal("data.warc", json.GetProperty("filename").GetString());
        }
    }

    [Fact]
    public void Pages_jsonl_has_the_header_then_one_line_a_page()
    {
        var lines = Encoding.UTF8.GetString(ZipEdit.Read(_sample.Wacz())["pages/pages.jsonl"]).TrimEnd('\n').Split('\n');

        Assert.Equal(3, lines.Length);
        using var header = JsonDocument.Parse(lines[0]);
        Assert.Equal("json-pages-1.0", header.RootElement.GetProperty("format").GetString());
        Assert.Equal("pages", header.RootElement.GetProperty("id").GetString());
        Assert.Equal(_sample.Bundle.Title, header.RootElement.GetProperty("title").GetString());
        using var page = JsonDocument.Parse(lines[1]);
        Assert.Equal(_sample.First.Id.ToString("D"), page.RootElement.GetProperty("id").GetString());
        Assert.Equal(_sample.First.Url, page.RootElement.GetProperty("url").GetString());
        Assert.Equal("2026-11-26T08:15:30.125Z", page.RootElement.GetProperty("ts").GetString());
        Assert.Equal("已买到的宝贝", page.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void A_changed_datapackage_fails_its_digest()
    {
        var report = ExportSample.Verify(ZipEdit.Change(_sample.Wacz(), files =>
            files["datapackage.json"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files["datapackage.json"]).Replace("order evidence", "order evidenсe", StringComparison.Ordinal))));

        Assert.False(report.Ok);
        Assert.Equal("datapackage.json: sha256 differs from datapackage-digest.json", report.FirstProblem);
    }

    [Fact]
    public void A_changed_warc_fails_naming_it()
    {
        var report = ExportSample.Verify(ZipEdit.Change(_sample.Wacz(), files => files["archive/data.warc"] = ZipEdit.Flip(files["archive/data.warc"])));

        Assert.False(report.Ok);
        Assert.Equal("archive/data.warc: sha256 differs from datapackage.json", report.FirstProblem);
    }

    [Fact]
    public void A_changed_digest_signature_fails()
    {
        var report = ExportSample.Verify(ZipEdit.Change(_sample.Wacz(), files =>
        {
            var digest = System.Text.Json.Nodes.JsonNode.Parse(files["datapackage-digest.json"])!;
            digest["signedData"]!["signature"] = Convert.ToBase64String(ZipEdit.Flip(Convert.FromBase64String(digest["signedData"]!["signature"]!.GetValue<string>())));
            files["datapackage-digest.json"] = Encoding.UTF8.GetBytes(digest.ToJsonString());
        }));

        Assert.False(report.Ok);
        Assert.Equal("datapackage-digest.json: signedData.signature is not a valid signature of the hash of datapackage.json", report.FirstProblem);
    }

    [Fact]
    public void A_changed_snapshot_manifest_or_custody_log_fails_naming_it()
    {
        var manifest = "receiptguard/" + ExportSample.FolderOf(_sample.Second) + "manifest.json";
        foreach (var path in new[] { manifest, "receiptguard/custody.jsonl", "pages/pages.jsonl" })
        {
            var report = ExportSample.Verify(ZipEdit.Change(_sample.Wacz(), files => files[path] = ZipEdit.Flip(files[path])));

            Assert.False(report.Ok);
            Assert.Equal($"{path}: sha256 differs from datapackage.json", report.FirstProblem);
        }
    }

    [Fact]
    public void An_added_or_removed_file_fails_naming_it()
    {
        var added = ExportSample.Verify(ZipEdit.Change(_sample.Wacz(), files => files["archive/more.warc"] = [1]));
        var removed = ExportSample.Verify(ZipEdit.Change(_sample.Wacz(), files => files.Remove("indexes/index.cdx")));

        Assert.Equal("archive/more.warc: not listed in datapackage.json", added.FirstProblem);
        Assert.Equal("indexes/index.cdx: listed in datapackage.json but missing", removed.FirstProblem);
    }

    [Fact]
    public void A_wacz_resigned_with_another_key_fails_at_the_snapshot_manifests()
    {
        using var other = SigningKey.LoadOrCreate(TempDirectory.Create("export-other-key"));
        var report = ExportSample.Verify(Reseal.Wacz(_sample.Wacz(), other, _ => { }));

        Assert.False(report.Ok);
        Assert.Equal(other.Fingerprint, report.KeyFingerprint);
        Assert.Equal($"receiptguard/{ExportSample.FolderOf(_sample.First)}manifest.sig: not a valid signature of manifest.json by the bundle's key", report.FirstProblem);
    }

    [Fact]
    public void A_page_changed_inside_the_evidence_folder_and_relisted_fails_its_manifest()
    {
        var folder = "receiptguard/" + ExportSample.FolderOf(_sample.Second);
        var report = ExportSample.Verify(Reseal.Wacz(_sample.Wacz(), _sample.Key, files => files[folder + "page.html"] = ZipEdit.Flip(files[folder + "page.html"])));

        Assert.False(report.Ok);
        Assert.Equal($"{folder}page.html: sha256 differs from {folder}manifest.json", report.FirstProblem);
    }

    private static string Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public void Dispose() => _sample.Dispose();
}
