using ReceiptGuard.Host.Parsing;

namespace ReceiptGuard.Host.Tests.Parsing;

/// <summary>Cases of the generic parser that the fixture pages do not show.</summary>
public sealed class GenericOrderParserTests
{
    private static ParsedPage Parse(string html, string url = "https://shop.example.com/orders") => PageParser.Parse(html, new Uri(url));

    [Fact]
    public void A_page_without_order_labels_has_no_orders_and_says_why()
    {
        var page = Parse("<html><body><p>欢迎光临</p><a href='/x'>确认收货</a></body></html>");

        Assert.Equal(PageKind.Unknown, page.Kind);
        Assert.Empty(page.Orders);
        Assert.NotEmpty(page.Notes);
    }

    [Theory]
    [InlineData("订单号：12345")] // too short to be an id
    [InlineData("订单号：ABCDEFGH")] // no digit
    [InlineData("Order ID")]
    public void A_label_without_an_id_after_it_is_not_an_order(string text) => Assert.Empty(Parse($"<p>{text}</p>").Orders);

    [Fact]
    public void Each_container_with_one_label_is_one_order_and_actions_resolve_against_the_page()
    {
        var page = Parse("""
            <ul>
              <li><span>Order No. 7Q2W3E4R</span><span>Total: US $12.34</span><span>To Receive</span>
                  <a href="../confirm/7Q2W3E4R">Confirm receipt</a><a href="refund?o=7Q2W3E4R">Refund</a></li>
              <li><span>Order #99887766</span><span>Cash on Delivery</span><span>Completed</span>
                  <button style="display: none">Confirm receipt</button></li>
            </ul>
            """, "https://shop.example.com/account/orders/list");

        Assert.Equal(PageKind.List, page.Kind);
        Assert.Equal(["7Q2W3E4R", "99887766"], page.Orders.Select(o => o.OrderId.Value));
        var first = page.Orders[0];
        Assert.Equal(12.34m, first.TotalPaid!.Value);
        Assert.Equal("USD", first.Currency);
        Assert.Equal(OrderStatus.Shipped, first.Status);
        Assert.Equal(
            [new PageAction(ActionKinds.ConfirmReceipt, "Confirm receipt", "https://shop.example.com/account/confirm/7Q2W3E4R"),
             new PageAction(ActionKinds.AfterSales, "Refund", "https://shop.example.com/account/orders/refund?o=7Q2W3E4R")],
            first.Actions);
        var second = page.Orders[1];
        Assert.True(second.Flags.CashOnDelivery);
        Assert.Equal(OrderStatus.Completed, second.Status);
        Assert.Empty(second.Actions); // the hidden button is not offered
    }

    [Fact]
    public void Invalid_json_ld_is_a_note_not_a_failure()
    {
        var page = Parse("""<script type="application/ld+json">{"@type":"Order",</script><p>订单号：AB123456</p>""");

        Assert.Equal("AB123456", Assert.Single(page.Orders).OrderId.Value);
        Assert.Contains(page.Notes, n => n.Contains("JSON-LD", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://www.vip.com/x", "vipshop")]
    [InlineData("https://order.vip.com/order/orderlist", "vipshop")]
    [InlineData("https://myhome.dangdang.com/myOrder", "dangdang")]
    [InlineData("https://order.suning.com/", "suning")]
    [InlineData("https://trade.1688.com/order/buyer_order_list.htm", "1688")]
    [InlineData("https://www.goofish.com/bought", "xianyu")]
    [InlineData("https://notvip.com/", "generic")]
    public void Fallback_sites_keep_their_platform_id(string url, string platform) =>
        Assert.Equal(platform, ReceiptGuard.Host.Parsing.Generic.FallbackPlatforms.For(new Uri(url)));
}
