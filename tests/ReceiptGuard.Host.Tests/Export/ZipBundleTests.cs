using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReceiptGuard.Host.Evidence.Custody;
using ReceiptGuard.Host.Evidence.Signing;

namespace ReceiptGuard.Host.Tests.Export;

public sealed class ZipBundleTests : IDisposable
{
    private readonly ExportSample _sample = new();

    [Fact]
    public void A_written_bundle_verifies_and_reports_the_key_fingerprint()
    {
        var report = ExportSample.Verify(_sample.Zip());

        Assert.True(report.Ok, report.FirstProblem);
        Assert.Null(report.FirstProblem);
        Assert.Equal(_sample.Key.Fingerprint, report.KeyFingerprint);
        Assert.Contains(report.Checked, item => item.StartsWith("bundle.sig:", StringComparison.Ordinal));
        Assert.Contains(report.Checked, item => item.StartsWith(ExportSample.FolderOf(_sample.First), StringComparison.Ordinal));
        Assert.Contains(report.Checked, item => item.StartsWith("custody.jsonl:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_layout_is_fixed_and_the_same_bundle_makes_the_same_bytes()
    {
        var zip = _sample.Zip();
        var first = ExportSample.FolderOf(_sample.First);
        var second = ExportSample.FolderOf(_sample.Second);

        Assert.Equal(
            [
                "bundle.json", "bundle.sig", "README.txt", "public-key.pem", "custody.jsonl",
                first + "page.html", first + "screenshot.png", first + "manifest.json", first + "manifest.sig", first + "parsed.json", first + "timestamp.tsr",
                second + "embedded-data.json", second + "page.html", second + "manifest.json", second + "manifest.sig", second + "parsed.json",
            ],
            ZipEdit.Names(zip));
        var files = ZipEdit.Read(zip);
        var again = ZipEdit.Read(_sample.Zip());
        // ECDSA signatures are randomized, so bundle.sig differs each time; everything else is the same bytes.
        Assert.All(files.Where(file => file.Key != "bundle.sig"), file => Assert.Equal(file.Value, again[file.Key]));
        Assert.Equal(_sample.First.Manifest, files[first + "manifest.json"]);
        Assert.Equal(_sample.First.ManifestSignature, files[first + "manifest.sig"]);
        Assert.Equal(_sample.Key.PublicKeyPem, Encoding.ASCII.GetString(files["public-key.pem"]));
    }

    [Fact]
    public void Bundle_json_lists_every_other_file_and_bundle_sig_signs_its_exact_bytes()
    {
        var files = ZipEdit.Read(_sample.Zip());
        using var document = JsonDocument.Parse(files["bundle.json"]);
        var root = document.RootElement;

        Assert.Equal("receiptguard-bundle/1", root.GetProperty("format").GetString());
        Assert.Equal("2026-11-26T09:30:00.000Z", root.GetProperty("created").GetString());
        Assert.Equal("0.1.0", root.GetProperty("hostVersion").GetString());
        Assert.Equal(_sample.Key.Fingerprint, root.GetProperty("signingKey").GetProperty("fingerprint").GetString());
        var snapshot = root.GetProperty("snapshots")[0];
        Assert.Equal(_sample.First.Id, snapshot.GetProperty("id").GetGuid());
        Assert.Equal(_sample.First.Url, snapshot.GetProperty("url").GetString());
        Assert.Equal("已买到的宝贝", snapshot.GetProperty("title").GetString());
        Assert.Equal("2026-11-26T08:15:30.125Z", snapshot.GetProperty("capturedAt").GetString());
        var listed = root.GetProperty("files").EnumerateArray().ToDictionary(file => file.GetProperty("path").GetString()!);
        Assert.Equal(files.Keys.Where(name => name is not ("bundle.json" or "bundle.sig")).Order(), listed.Keys.Order());
        var page = listed[ExportSample.FolderOf(_sample.First) + "page.html"];
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(files[ExportSample.FolderOf(_sample.First) + "page.html"])), page.GetProperty("sha256").GetString());
        Assert.True(SigningKey.VerifyWith(_sample.Key.PublicKeyDer, files["bundle.json"], files["bundle.sig"]));
    }

    [Fact]
    public void Custody_jsonl_holds_one_entry_a_line_that_rehashes_from_what_is_written()
    {
        var lines = Encoding.UTF8.GetString(ZipEdit.Read(_sample.Zip())["custody.jsonl"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        foreach (var (line, expected) in lines.Zip(_sample.Bundle.Custody))
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            Assert.Equal(["seq", "at", "kind", "snapshotId", "detail", "previousHash", "hash"], root.EnumerateObject().Select(property => property.Name));
            Assert.Equal(expected.Detail, root.GetProperty("detail").GetString());
            Assert.Equal(expected.Hash, CustodyEntry.ComputeHash(
                root.GetProperty("seq").GetInt64(), root.GetProperty("at").GetString()!, root.GetProperty("kind").GetString()!,
                root.GetProperty("snapshotId").GetString(), root.GetProperty("detail").GetString()!, root.GetProperty("previousHash").GetString()!));
        }
    }

    [Fact]
    public void The_readme_explains_verification_in_chinese_then_english()
    {
        var readme = Encoding.UTF8.GetString(ZipEdit.Read(_sample.Zip())["README.txt"]);

        Assert.True(readme.IndexOf("证据包", StringComparison.Ordinal) < readme.IndexOf("evidence bundle", StringComparison.Ordinal));
        Assert.Contains("ReceiptGuard.Host verify", readme, StringComparison.Ordinal);
        Assert.Contains("sha256sum", readme, StringComparison.Ordinal);
        Assert.Contains("openssl dgst -sha256 -verify public-key.pem -signature bundle.sig bundle.json", readme, StringComparison.Ordinal);
        Assert.Contains(_sample.Key.Fingerprint, readme, StringComparison.Ordinal);
        Assert.Contains("seq, at, kind, snapshotId", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", readme, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("first/page.html")]
    [InlineData("first/screenshot.png")]
    [InlineData("first/manifest.json")]
    [InlineData("first/manifest.sig")]
    [InlineData("second/embedded-data.json")]
    [InlineData("custody.jsonl")]
    [InlineData("README.txt")]
    public void A_changed_file_fails_naming_it(string file)
    {
        var path = PathOf(file);
        var report = ExportSample.Verify(ZipEdit.Change(_sample.Zip(), files => files[path] = ZipEdit.Flip(files[path])));

        Assert.False(report.Ok);
        Assert.Equal($"{path}: sha256 differs from bundle.json", report.FirstProblem);
    }

    [Fact]
    public void A_changed_bundle_json_fails_its_signature()
    {
        var report = ExportSample.Verify(ZipEdit.Change(_sample.Zip(), files =>
            files["bundle.json"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files["bundle.json"]).Replace("已买到的宝贝", "已买到的宝贝 ", StringComparison.Ordinal))));

        Assert.False(report.Ok);
        Assert.Equal("bundle.sig: not a valid signature of bundle.json by public-key.pem", report.FirstProblem);
        Assert.Equal(_sample.Key.Fingerprint, report.KeyFingerprint);
    }

    [Fact]
    public void A_changed_bundle_sig_fails()
    {
        var report = ExportSample.Verify(ZipEdit.Change(_sample.Zip(), files => files["bundle.sig"] = ZipEdit.Flip(files["bundle.sig"])));

        Assert.False(report.Ok);
        Assert.StartsWith("bundle.sig: ", report.FirstProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_added_file_fails_naming_it()
    {
        var report = ExportSample.Verify(ZipEdit.Change(_sample.Zip(), files => files[ExportSample.FolderOf(_sample.First) + "note.txt"] = "看这里"u8.ToArray()));

        Assert.False(report.Ok);
        Assert.Equal($"{ExportSample.FolderOf(_sample.First)}note.txt: not listed in bundle.json", report.FirstProblem);
    }

    [Fact]
    public void A_removed_file_fails_naming_it()
    {
        var path = PathOf("first/screenshot.png");
        var report = ExportSample.Verify(ZipEdit.Change(_sample.Zip(), files => files.Remove(path)));

        Assert.False(report.Ok);
        Assert.Equal($"{path}: listed in bundle.json but missing", report.FirstProblem);
    }

    [Fact]
    public void A_page_changed_and_relisted_with_our_own_key_still_fails_its_manifest()
    {
        var path = PathOf("first/page.html");
        var report = ExportSample.Verify(Reseal.Zip(_sample.Zip(), _sample.Key, files => files[path] = ZipEdit.Flip(files[path])));

        Assert.False(report.Ok);
        Assert.Equal($"{path}: sha256 differs from {PathOf("first/manifest.json")}", report.FirstProblem);
    }

    [Fact]
    public void A_bundle_resigned_with_another_key_verifies_its_list_but_not_the_snapshot_manifests()
    {
        using var other = SigningKey.LoadOrCreate(TempDirectory.Create("export-other-key"));
        var report = ExportSample.Verify(Reseal.Zip(_sample.Zip(), other, _ => { }));

        Assert.False(report.Ok);
        Assert.Equal(other.Fingerprint, report.KeyFingerprint);
        Assert.Equal($"{PathOf("first/manifest.sig")}: not a valid signature of manifest.json by the bundle's key", report.FirstProblem);
    }

    [Fact]
    public void An_edited_custody_entry_fails_even_when_relisted()
    {
        var report = ExportSample.Verify(Reseal.Zip(_sample.Zip(), _sample.Key, files =>
            files["custody.jsonl"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files["custody.jsonl"]).Replace("taobao", "tmall", StringComparison.Ordinal))));

        Assert.False(report.Ok);
        Assert.Equal("custody.jsonl line 2 (seq 42): hash does not match its fields", report.FirstProblem);
    }

    [Fact]
    public void A_rehashed_custody_entry_breaks_the_link_to_the_next()
    {
        var entries = _sample.Bundle.Custody;
        var forged = CustodyEntry.Create(entries[1].Seq, entries[1].At, entries[1].Kind, entries[1].SnapshotId, "{\"parser\":\"tmall\"}", entries[1].PreviousHash);
        var report = ExportSample.Verify(Reseal.Zip(_sample.Zip(), _sample.Key, files =>
        {
            var lines = Encoding.UTF8.GetString(files["custody.jsonl"]).Split('\n');
            var line = JsonNode.Parse(lines[1])!.AsObject();
            line["detail"] = forged.Detail;
            line["hash"] = forged.Hash;
            lines[1] = line.ToJsonString();
            files["custody.jsonl"] = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }));

        Assert.False(report.Ok);
        Assert.Equal("custody.jsonl line 3 (seq 43): previousHash is not the hash of seq 42", report.FirstProblem);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 })]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23 })]
    public void A_corrupt_archive_is_reported_not_thrown(byte[] bytes)
    {
        var report = ExportSample.Verify(bytes);

        Assert.False(report.Ok);
        Assert.StartsWith("not a readable zip archive", report.FirstProblem, StringComparison.Ordinal);
        Assert.Equal("", report.KeyFingerprint);
    }

    [Fact]
    public void A_truncated_bundle_is_reported_not_thrown()
    {
        var zip = _sample.Zip();
        var report = ExportSample.Verify(zip[..(zip.Length - 30)]);

        Assert.False(report.Ok);
        Assert.NotNull(report.FirstProblem);
    }

    [Fact]
    public void A_zip_that_is_no_export_says_so()
    {
        var report = ExportSample.Verify(ZipEdit.Write([new("hello.txt", "hi"u8.ToArray())]));

        Assert.False(report.Ok);
        Assert.Contains("not a ReceiptGuard export", report.FirstProblem, StringComparison.Ordinal);
    }

    private string PathOf(string file) => file
        .Replace("first/", ExportSample.FolderOf(_sample.First), StringComparison.Ordinal)
        .Replace("second/", ExportSample.FolderOf(_sample.Second), StringComparison.Ordinal);

    public void Dispose() => _sample.Dispose();
}
