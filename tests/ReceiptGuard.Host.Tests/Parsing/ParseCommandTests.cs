using System.Text.Json.Nodes;
using ReceiptGuard.Host.Cli;

namespace ReceiptGuard.Host.Tests.Parsing;

/// <summary>The <c>parse</c> command, run in-process on fixture pages.</summary>
public sealed class ParseCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ParseCommand.RunAsync(CommandLine.Parse(args), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Prints_the_parse_of_a_gbk_page_as_json()
    {
        var (exit, output, error) = await Run("parse", Fixtures.PathOf("shops/suning/list-wait-receive.html"), "--url", "https://order.suning.com/order/orderList.do", "--hint", "30051234599");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("suning", json["platform"]!.GetValue<string>());
        Assert.Equal("list", json["kind"]!.GetValue<string>());
        Assert.Equal("30051234599", json["subjectOrderId"]!.GetValue<string>());
        Assert.Equal(5, json["orders"]!.AsArray().Count);
    }

    [Fact]
    public async Task Takes_the_url_from_chromes_saved_from_comment()
    {
        var (exit, output, _) = await Run("parse", Fixtures.PathOf("shops/generic/jsonld-order.html"));

        Assert.Equal(0, exit);
        var order = JsonNode.Parse(output)!["orders"]![0]!;
        Assert.Equal("A-884120", order["orderId"]!["value"]!.GetValue<string>());
        // The link resolves against the address the comment gives.
        Assert.Equal("https://shop.example.org/account/orders/A-884120/confirm", order["actions"]![0]!["url"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("<!-- saved from url=(0044)https://buyertrade.taobao.com/trade/list.htm -->\n<html>", "https://buyertrade.taobao.com/trade/list.htm")]
    [InlineData("<html><!-- Saved by ReceiptGuard 0.6.0 from https://order.jd.com/center/list.action at 2026-11-20T10:00:00Z -->", "https://order.jd.com/center/list.action")]
    [InlineData("<head><link href=\"https://www.example-shop.cn/order/detail?id=1&amp;x=2\" rel=\"canonical\"></head>", "https://www.example-shop.cn/order/detail?id=1&x=2")]
    [InlineData("<html><body>nothing</body></html>", null)]
    public void Reads_where_a_saved_page_came_from(string html, string? expected) => Assert.Equal(expected, ParseCommand.SavedFromUrl(html));

    [Fact]
    public async Task A_page_without_a_url_asks_for_one()
    {
        var (exit, output, error) = await Run("parse", Fixtures.PathOf("shops/vipshop/list-wait-receive.html"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("--url", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_an_error()
    {
        var (exit, output, error) = await Run("parse", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.html"), "--url", "https://example.com/");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("error: no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_is_a_command_in_the_usage() => Assert.Contains("parse FILE", CommandLine.Usage, StringComparison.Ordinal);
}
