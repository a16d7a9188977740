using ReceiptGuard.Host.Parsing;

namespace ReceiptGuard.Host.Tests;

/// <summary>The JD and Pinduoduo parsers on pages they cannot read: notes, no exception, no invented order.</summary>
public sealed class JdPddOddPageTests
{
    [Fact]
    public void A_JD_list_without_order_blocks_says_so()
    {
        var page = PageParser.Parse("<html><body><p>暂无订单</p></body></html>", new Uri("https://order.jd.com/center/list.action"));
        Assert.Equal("jd", page.Platform);
        Assert.Empty(page.Orders);
        Assert.Contains("no JD order found on the page", page.Notes);
    }

    [Fact]
    public void A_JD_detail_page_without_an_order_number_yields_no_order_even_when_the_address_has_one()
    {
        var page = PageParser.Parse("<div class='state-txt'>等待收货</div>", new Uri("https://details.jd.com/normal/item.action?orderid=281234567890"));
        Assert.Equal(PageKind.Detail, page.Kind);
        Assert.Empty(page.Orders);
        Assert.Contains("the state panel shows no 订单号", page.Notes);
    }

    [Fact]
    public void Another_site_whose_name_ends_in_jd_is_not_JD() =>
        Assert.Equal("generic", PageParser.Parse("<table><tbody id='tb-281234567890'></tbody></table>", new Uri("https://shop.notjd.com/center/list.action")).Platform);

    [Fact]
    public void Another_site_whose_name_ends_in_pinduoduo_is_not_Pinduoduo() =>
        Assert.Equal("generic", PageParser.Parse("<script>window.rawData={}</script>", new Uri("https://notpinduoduo.com/orders.html")).Platform);

    [Fact]
    public void A_Pinduoduo_page_with_broken_rawData_yields_no_order_and_a_note()
    {
        var page = PageParser.Parse(
            "<div class='react-base-list'><div><a href='order.html?order_sn=261118-402815736290147'>x</a></div></div><script>window.rawData={\"ordersStore\":{\"orders\":[</script>",
            new Uri("https://mobile.yangkeduo.com/orders.html"));
        Assert.Equal("pinduoduo", page.Platform);
        Assert.Equal(PageKind.List, page.Kind);
        Assert.Empty(page.Orders);
        Assert.Contains("window.rawData is cut short (its braces do not balance)", page.Notes);
    }

    [Fact]
    public void Pinduoduo_orders_of_odd_shapes_are_skipped_not_thrown_on()
    {
        const string html = """<script>window.rawData={"ordersStore":{"orders":[{"orderSn":7},{"mall":null},"x",{"orderSn":"261118-1","orderGoods":"none","displayAmount":"abc"}]}};</script>""";
        var page = PageParser.Parse(html, new Uri("https://mobile.yangkeduo.com/orders.html"));
        Assert.Equal(["7", "261118-1"], page.Orders.Select(o => o.OrderId.Value));
        Assert.All(page.Orders, o => Assert.Empty(o.Items));
    }
}
