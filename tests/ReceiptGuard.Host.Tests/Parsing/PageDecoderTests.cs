using System.Text;
using ReceiptGuard.Host.Parsing;

namespace ReceiptGuard.Host.Tests.Parsing;

public sealed class PageDecoderTests
{
    private const string Chinese = "订单号：3312345678901234567 确认收货 ￥1,234.50";

    static PageDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    [Fact]
    public void A_gbk_page_without_a_charset_declaration_decodes_as_gb18030()
    {
        var bytes = Gb18030.GetBytes($"<html><body><p>{Chinese}</p></body></html>");
        Assert.Contains(Chinese, PageDecoder.Decode(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_gbk_page_decodes()
    {
        var bytes = Gb18030.GetBytes($"<html><head><meta charset=\"gbk\"></head><body>{Chinese}</body></html>");
        Assert.Contains(Chinese, PageDecoder.Decode(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_utf8_page_decodes_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes($"<p>{Chinese}</p>");
        Assert.Equal($"<p>{Chinese}</p>", PageDecoder.Decode(bytes));
    }

    /// <summary>As browsers do, the declaration wins over what the bytes look like: the page is shown as declared.</summary>
    [Fact]
    public void The_declared_charset_wins_over_the_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes($"<meta charset=\"gbk\"><p>{Chinese}</p>");
        Assert.Equal(Gb18030.GetString(bytes), PageDecoder.Decode(bytes));
        Assert.DoesNotContain(Chinese, PageDecoder.Decode(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_wins_over_the_declaration_and_is_dropped()
    {
        var html = $"<meta charset=\"gbk\"><p>{Chinese}</p>";
        Assert.Equal(html, PageDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(html)]));
        Assert.Equal(html, PageDecoder.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(html)]));
        Assert.Equal(html, PageDecoder.Decode([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(html)]));
    }

    [Fact]
    public void The_gbk_fixture_pages_decode()
    {
        var html = PageDecoder.Decode(File.ReadAllBytes(ReceiptGuard.Host.Tests.Fixtures.PathOf("shops/suning/list-wait-receive.html")));
        Assert.Contains("订单号：", html, StringComparison.Ordinal);
        Assert.Contains("确认收货", html, StringComparison.Ordinal);
    }
}
