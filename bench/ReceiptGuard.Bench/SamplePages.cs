using System.Text;
using System.Text.RegularExpressions;

namespace ReceiptGuard.Bench;

/// <summary>Benchmark pages built from the Taobao list fixture, grown to the size of a real list page.</summary>
public static partial class SamplePages
{
    /// <summary>
    /// The Taobao fixture with its order blocks repeated until the page is about <paramref name="targetBytes"/> of
    /// UTF-8 (a real 50-order list page is about 300 KB). Each repeated order gets its own id.
    /// </summary>
    public static string TaobaoList(string repositoryRoot, int targetBytes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var fixture = Encoding.GetEncoding("gbk").GetString(File.ReadAllBytes(Path.Combine(repositoryRoot, "tests", "fixtures", "shops", "taobao", "list-basic.html")));
        var orders = OrderBlocks().Matches(fixture).Select(m => m.Value).ToArray();
        var insertAt = fixture.LastIndexOf("</div>\n</body>", StringComparison.Ordinal);
        var page = new StringBuilder(fixture[..insertAt], targetBytes + 4096);
        var n = 0;
        while (Encoding.UTF8.GetByteCount(page.ToString()) < targetBytes)
        {
            var order = orders[n % orders.Length];
            page.Append(order.Replace("33123456789", $"4{n:D10}", StringComparison.Ordinal)).Append('\n');
            n++;
        }

        return page.Append(fixture[insertAt..]).ToString();
    }

    [GeneratedRegex("""<div class="js-order-container".*?\n  </div>""", RegexOptions.Singleline)]
    private static partial Regex OrderBlocks();
}
