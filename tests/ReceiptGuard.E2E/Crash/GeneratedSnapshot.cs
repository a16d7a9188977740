using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ReceiptGuard.Testing;

namespace ReceiptGuard.E2E.Crash;

/// <summary>A snapshot POST body built from the protocol fixture, with what the check afterwards compares.</summary>
public sealed record GeneratedSnapshot(string Id, byte[] Body, string HtmlSha256, bool HasScreenshot)
{
    private static readonly string[] Words = ["确认收货", "已发货", "交易成功", "退款", "宝贝", "店铺", "数据线", "手机壳", "order", "shipped", "refund", "cable"];

    /// <summary>
    /// <paramref name="count"/> distinct snapshots: fresh ids, pages of 20–50 KB that differ from each other, every
    /// third one with a screenshot (also distinct: bytes appended after the PNG's end, which the host keeps as sent).
    /// </summary>
    public static IReadOnlyList<GeneratedSnapshot> Many(int count, int seed)
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "protocol", "snapshot-v1.json")))!.AsObject();
        var png = Convert.FromBase64String(template["screenshot"]!.GetValue<string>()["data:image/png;base64,".Length..]);
        var random = new Random(seed);
        var snapshots = new GeneratedSnapshot[count];
        for (var n = 0; n < count; n++)
        {
            var id = Guid.NewGuid().ToString("D");
            var html = Page(random, n, random.Next(20 * 1024, 50 * 1024));
            var body = template.DeepClone().AsObject();
            body["id"] = id;
            body["html"] = html;
            body["orderHint"] = OrderId(n);
            var withScreenshot = n % 3 == 0;
            body["screenshot"] = withScreenshot ? "data:image/png;base64," + Convert.ToBase64String([.. png, .. BitConverter.GetBytes(n)]) : null;
            body["screenshotError"] = withScreenshot ? null : "not captured in this test";
            snapshots[n] = new GeneratedSnapshot(id, Encoding.UTF8.GetBytes(body.ToJsonString()),
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html))), withScreenshot);
        }

        return snapshots;
    }

    private static string OrderId(int n) => (3300000000000000000L + n).ToString(CultureInfo.InvariantCulture);

    private static string Page(Random random, int n, int targetChars)
    {
        var page = new StringBuilder(targetChars + 512);
        page.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>已买到的宝贝 {n}</title></head><body>\n");
        while (page.Length < targetChars)
        {
            var order = random.NextInt64(1_000_000_000_000, 9_999_999_999_999);
            page.Append(CultureInfo.InvariantCulture,
                $"<div class=\"order\" data-id=\"{order}\"><span class=\"shop\">{Words[random.Next(Words.Length)]}旗舰店</span>" +
                $"<span class=\"title\">{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}</span>" +
                $"<span class=\"price\">¥{random.Next(1, 99999) / 100.0:F2}</span><a href=\"//trade.taobao.com/trade/confirmGoods.htm?biz_order_id={order}\">确认收货</a></div>\n");
        }

        return page.Append(CultureInfo.InvariantCulture, $"<!-- capture {n} --></body></html>").ToString();
    }
}
