using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ReceiptGuard.Host.Evidence.Custody;
using ReceiptGuard.Host.Evidence.Export;
using ReceiptGuard.Host.Evidence.Manifests;
using ReceiptGuard.Host.Evidence.Signing;

namespace ReceiptGuard.Host.Tests.Export;

/// <summary>An export model as the store would give it: two signed snapshots (one with a screenshot) and their custody entries.</summary>
public sealed class ExportSample : IDisposable
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 11, 26, 9, 30, 0, TimeSpan.Zero);

    public ExportSample()
    {
        Key = SigningKey.LoadOrCreate(TempDirectory.Create("export-key"));
        First = Snapshot(
            Guid.Parse("0d9c3e1a-5b7f-4c2e-9a61-3f0b8e2d4c71"),
            "https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm?action=a&b=2",
            "已买到的宝贝",
            new DateTimeOffset(2026, 11, 26, 8, 15, 30, 125, TimeSpan.Zero),
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>已买到的宝贝</title></head><body><button>确认收货</button></body></html>",
            screenshot: [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8]);
        Second = Snapshot(
            Guid.Parse("6a1f0b52-2c4d-4e8a-8b3c-9d7e6f5a4b3c"),
            "https://order.jd.com/center/list.action",
            "我的订单",
            new DateTimeOffset(2026, 11, 26, 9, 1, 2, TimeSpan.Zero),
            "<!DOCTYPE html><html><body>京东 订单 确认收货</body></html>",
            screenshot: null);

        var custody = new List<CustodyEntry>();
        void Log(string kind, Guid id, string detail) => custody.Add(CustodyEntry.Create(
            custody.Count + 41, "2026-11-26T09:0" + custody.Count + ":00.000Z", kind, id.ToString("D"), detail, custody.Count == 0 ? new string('a', 64) : custody[^1].Hash));
        Log(CustodyKinds.Stored, First.Id, "{\"sha256\":\"abc\"}");
        Log(CustodyKinds.Parsed, First.Id, "{\"parser\":\"taobao\",\"note\":\"中文\"}");
        Log(CustodyKinds.Stored, Second.Id, "{}");
        Bundle = new ExportBundle("淘宝订单证据 / order evidence", CreatedAt, "0.1.0", [Second, First], custody);
    }

    public SigningKey Key { get; }

    public ExportSnapshot First { get; }

    public ExportSnapshot Second { get; }

    public ExportBundle Bundle { get; }

    public static string FolderOf(ExportSnapshot snapshot) => $"snapshots/{snapshot.Id:D}/";

    public byte[] Zip() => Write(ZipBundleWriter.WriteAsync, Bundle, Key);

    public byte[] Wacz() => Write(WaczWriter.WriteAsync, Bundle, Key);

    public static byte[] Write(Func<ExportBundle, SigningKey, Stream, CancellationToken, Task> writer, ExportBundle bundle, SigningKey key)
    {
        using var output = new MemoryStream();
        writer(bundle, key, output, CancellationToken.None).GetAwaiter().GetResult();
        return output.ToArray();
    }

    public static BundleReport Verify(byte[] zip)
    {
        using var input = new MemoryStream(zip);
        return BundleVerifier.Verify(input);
    }

    private ExportSnapshot Snapshot(Guid id, string url, string title, DateTimeOffset capturedAt, string html, byte[]? screenshot)
    {
        var files = new List<ExportFile> { new(SnapshotManifest.PageFile, "text/html", Encoding.UTF8.GetBytes(html)) };
        if (screenshot is not null)
        {
            files.Add(new ExportFile(SnapshotManifest.ScreenshotFile("image/png"), "image/png", screenshot));
        }
        else
        {
            files.Add(new ExportFile(SnapshotManifest.EmbeddedFile, "application/json", Encoding.UTF8.GetBytes("[{\"type\":\"application/json\",\"text\":\"{}\"}]")));
        }

        var manifest = new SnapshotManifest(
            SnapshotManifest.CurrentFormat, id, "guard", "confirmed", url, title, "taobao", "确认收货", "3312345678901234567",
            capturedAt.UtcDateTime.ToString("O"), capturedAt.AddSeconds(1).UtcDateTime.ToString("O"), null, screenshot is null ? "not allowed" : null,
            files.Select(file => new ManifestFile(file.Name, file.Name == SnapshotManifest.PageFile ? "page" : "screenshot", file.MediaType, Convert.ToHexStringLower(SHA256.HashData(file.Content)), file.Content.Length)).ToList(),
            new ManifestHost("ReceiptGuard.Host", "0.1.0", Key.Fingerprint)).ToUtf8();
        return new ExportSnapshot(id, url, title, capturedAt, manifest, Key.Sign(manifest), files, Encoding.UTF8.GetBytes("{\"orders\":[]}"), screenshot is null ? null : [0x30, 0x03, 0x02, 0x01, 0x00]);
    }

    public void Dispose() => Key.Dispose();
}

/// <summary>Edits a zip the way someone tampering with an exported file would.</summary>
public static class ZipEdit
{
    public static Dictionary<string, byte[]> Read(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(entry => entry.FullName, entry =>
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        });
    }

    public static IReadOnlyList<string> Names(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(entry => entry.FullName).ToList();
    }

    public static byte[] Write(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    public static byte[] Change(byte[] zip, Action<Dictionary<string, byte[]>> change)
    {
        var files = Read(zip);
        change(files);
        return Write(files);
    }

    /// <summary>The same bytes with one flipped in the middle: the smallest change there is.</summary>
    public static byte[] Flip(byte[] content)
    {
        var copy = content.ToArray();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }
}
