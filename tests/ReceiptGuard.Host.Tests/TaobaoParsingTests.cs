using ReceiptGuard.Host.Parsing;

namespace ReceiptGuard.Host.Tests;

/// <summary>
/// The tricky pieces of the Taobao-family parsers, through <see cref="PageParser"/> on small pages written here:
/// JavaScript escapes in <c>JSON.parse('…')</c>, amount formats, status words, broken data, and which pages they claim.
/// </summary>
public sealed class TaobaoParsingTests
{
    private static readonly Uri ListUrl = new("https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm");

    [Fact]
    public void Embedded_data_is_read_through_the_JavaScript_string_escapes()
    {
        // What the page's source holds: \" for JSON's quotes, \' \xHH \uHHHH \u{…} \/ \\ and a line continuation.
        const string script = "var data = JSON.parse('{\\\"mainOrders\\\":[{\\\"id\\\":\\\"3300000000000000001\\\","
            + "\\\"seller\\\":{\\\"shopName\\\":\\\"Tom\\'s \\x26 Co \\u5e97\\\"},"
            + "\\\"subOrders\\\":[{\\\"itemInfo\\\":{\\\"title\\\":\\\"12\\\\\\\" \\/ \\u{1F600} ok\\\nay\\\"}}]}]}');";

        var page = PageParser.Parse($"<html><head><script>{script}</script></head><body></body></html>", ListUrl);

        var order = Assert.Single(page.Orders);
        Assert.Equal(new Sourced<string>("3300000000000000001", FieldSource.Embedded), order.OrderId);
        Assert.Equal("Tom's & Co 店", order.Shop?.Value);
        Assert.Equal("12\" / \U0001F600 okay", Assert.Single(order.Items).Title?.Value);
        Assert.Empty(page.Notes);
    }

    [Theory]
    [InlineData("￥１２９．００ ×１", 129.00, 1)]
    [InlineData("¥1,299.50 x2", 1299.50, 2)]
    [InlineData("￥ 12,345.6 ×10", 12345.6, 10)]
    [InlineData("¥59.9 ×3", 59.9, 3)]
    public void Markup_amounts_in_the_platform_s_formats_read_as_decimals(string priceCell, decimal price, int quantity)
    {
        var page = PageParser.Parse(Row("3300000000000000002", "卖家已发货", $"<div class=\"price\">{priceCell}</div>"), ListUrl);

        var item = Assert.Single(Assert.Single(page.Orders).Items);
        Assert.Equal(new Sourced<decimal>(price, FieldSource.Selector), item.UnitPrice);
        Assert.Equal(new Sourced<int>(quantity, FieldSource.Selector), item.Quantity);
    }

    [Theory]
    [InlineData("等待买家付款", OrderStatus.AwaitingPayment)]
    [InlineData("买家已付款", OrderStatus.AwaitingShipment)]
    [InlineData("等待卖家发货", OrderStatus.AwaitingShipment)]
    [InlineData("卖家已发货", OrderStatus.Shipped)]
    [InlineData("商品已发货，等待买家确认收货", OrderStatus.Shipped)]
    [InlineData("交易成功", OrderStatus.Completed)]
    [InlineData("交易关闭", OrderStatus.Closed)]
    [InlineData("退款成功", OrderStatus.Closed)]
    [InlineData("退款中", OrderStatus.Refunding)]
    [InlineData("买家已申请退款，等待卖家处理", OrderStatus.Refunding)]
    [InlineData("神秘状态", OrderStatus.Unknown)]
    public void Status_words_are_normalised(string text, OrderStatus status)
    {
        var order = Assert.Single(PageParser.Parse(Row("3300000000000000003", text, ""), ListUrl).Orders);

        Assert.Equal(text, order.StatusText?.Value);
        Assert.Equal(status, order.Status);
    }

    [Fact]
    public void Broken_embedded_data_is_noted_and_the_markup_still_read()
    {
        var html = Row("3300000000000000004", "卖家已发货", "").Replace("<head>", "<head><script>var data = JSON.parse('{\"mainOrders\":[{');</script>", StringComparison.Ordinal);

        var page = PageParser.Parse(html, ListUrl);

        Assert.Equal("taobao", page.Platform);
        Assert.Equal(FieldSource.Selector, Assert.Single(page.Orders).OrderId.Source);
        Assert.Contains(page.Notes, n => n.Contains("not valid JSON", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<div class=\"price\">￥1.00 ×99999999999999</div>")]
    [InlineData("<script>var data = JSON.parse('{\"mainOrders\":[{\"id\":\"\\u{D800}\\u{110000}\\x4\\u12\"}]}');</script>")]
    [InlineData("<script>var data = JSON.parse('unterminated</script>")]
    [InlineData("<script>var detailData = { \"basic\": { \"lists\": [ 1, null, {} ] }, \"countdown\": { \"targetTime\": 99999999999999999999 } };</script>")]
    public void Odd_input_does_not_make_the_parser_fail(string extra)
    {
        var page = PageParser.Parse(Row("3300000000000000006", "卖家已发货", extra), ListUrl);

        Assert.Equal("taobao", page.Platform);
        Assert.DoesNotContain(page.Notes, n => n.Contains("parser failed", StringComparison.Ordinal));
        Assert.Equal("3300000000000000006", Assert.Single(page.Orders).OrderId.Value);
    }

    [Fact]
    public void Rows_whose_id_is_not_an_order_number_are_not_orders()
    {
        var page = PageParser.Parse(Row("undefined", "卖家已发货", ""), ListUrl);

        Assert.Empty(page.Orders);
        Assert.Contains("no order found on the page", page.Notes);
    }

    [Fact]
    public void The_address_link_and_page_fragments_are_not_receipt_actions()
    {
        var ops = "<a href=\"//buyertrade.taobao.com/trade/modifyAddress.htm\">确认收货地址</a><a href=\"#\">确认收货</a>";

        var order = Assert.Single(PageParser.Parse(Row("3300000000000000005", "卖家已发货", ops), ListUrl).Orders);

        Assert.Equal([new PageAction(ActionKinds.ConfirmReceipt, "确认收货", null)], order.Actions);
    }

    [Theory]
    [InlineData("https://trade.taobao.com/trade/confirmGoods.htm?biz_order_id=1", "generic")]
    [InlineData("https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm", "taobao")]
    [InlineData("https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=1", "tmall")]
    [InlineData("https://buyertrade.taobao.com.example.net/trade/itemlist/list_bought_items.htm", "generic")]
    public void Pages_are_claimed_by_host_and_path(string url, string platform)
    {
        Assert.Equal(platform, PageParser.Parse("<html><body><h1>确认收货</h1></body></html>", new Uri(url)).Platform);
    }

    private static string Row(string id, string status, string extra) =>
        $"""
        <html><head><meta charset="utf-8"></head><body><div id="J_bought_main">
          <div class="js-order-container" data-id="{id}">
            <div class="order-head"><span class="create-time">2026-11-20</span><a class="shop-name" href="#">测试店</a></div>
            <div class="order-body"><div class="item"><a href="#">测试商品</a></div><div class="status"><span>{status}</span></div>
            <div class="ops">{extra}</div></div>
          </div>
        </div></body></html>
        """;
}
