using ReceiptGuard.Host.Parsing;

namespace ReceiptGuard.Host.Tests;

/// <summary>
/// The tricky pieces of the AliExpress, Shopee and Lazada parsers, through the public parser: each country's amount
/// format, the embedded JSON's strings, hosts, and odd pages.
/// </summary>
public sealed class IntlParsingTests
{
    [Theory]
    [InlineData("shopee.sg", "$1,234.50", "SGD", "1234.50")]
    [InlineData("shopee.com.my", "RM1,249.00", "MYR", "1249.00")]
    [InlineData("shopee.co.id", "Rp1.250.000", "IDR", "1250000")]
    [InlineData("shopee.vn", "₫250.000", "VND", "250000")]
    [InlineData("shopee.co.th", "฿1,290", "THB", "1290")]
    [InlineData("shopee.ph", "₱1,249.00", "PHP", "1249.00")]
    [InlineData("shopee.tw", "$1,290", "TWD", "1290")]
    [InlineData("shopee.com.br", "R$1.234,56", "BRL", "1234.56")]
    [InlineData("shopee.com.br", "R$45,90", "BRL", "45.90")]
    [InlineData("shopee.com.mx", "$1,234.50", "MXN", "1234.50")]
    [InlineData("shopee.com.co", "$ 45.900", "COP", "45900")]
    [InlineData("shopee.cl", "$12.990", "CLP", "12990")]
    public void Shopee_reads_each_countrys_amounts(string host, string total, string currency, string expected)
    {
        var html = $"""
            <div class="purchase-list-page__checkout-card-wrapper"><div class="order-card__content"><div class="order-card__content-info">
            <div>Item</div><div class="order-card__meta">Order ID: 261105ABCDEFGH</div></div><div>{total}</div></div>
            <div class="purchase-card-buttons__total">Order Total: {total}</div></div>
            """;

        var order = Assert.Single(PageParser.Parse(html, new Uri($"https://{host}/user/purchase/")).Orders);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), order.TotalPaid?.Value);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), order.Items[0].UnitPrice?.Value);
        Assert.Equal(currency, order.Currency);
    }

    [Fact]
    public void AliExpress_embedded_data_keeps_escapes_quotes_and_braces_inside_strings()
    {
        const string html = """
            <script>
            // the page's loader, then its data
            window._dida_config_._init_data_ = { "data": { "data": {
              "a": { "type": "pc_om_order_info", "fields": { "orderId": "8190000000000001" } },
              "b": { "type": "pc_om_store", "fields": { "storeName": "Tom's \"Best\" {Store}" } },
              "c": { "type": "pc_om_product", "fields": { "productName": "Caf\u00e9 mug \u2615 } not the end", "quantity": 2 } }
            } } }; window.other = { broken: };
            </script>
            """;

        var page = PageParser.Parse(html, new Uri("https://www.aliexpress.us/p/order/detail.html?orderId=8190000000000001"));

        var order = Assert.Single(page.Orders);
        Assert.Equal(new Sourced<string>("8190000000000001", FieldSource.Embedded), order.OrderId);
        Assert.Equal("Tom's \"Best\" {Store}", order.Shop?.Value);
        Assert.Equal("Café mug ☕ } not the end", order.Items[0].Title?.Value);
        Assert.Equal(2, order.Items[0].Quantity?.Value);
        Assert.True(order.IsSubject);
    }

    [Fact]
    public void AliExpress_embedded_data_that_is_not_json_falls_back_to_the_list_cards_with_a_note()
    {
        const string html = "<script>window._dida_config_._init_data_ = { data: oops };</script><p>nothing here</p>";

        var page = PageParser.Parse(html, new Uri("https://fr.aliexpress.com/p/order/index.html"));

        Assert.Equal("aliexpress", page.Platform);
        Assert.Empty(page.Orders);
        Assert.Contains("no embedded order data and no .order-item cards", page.Notes);
    }

    [Theory]
    [InlineData("https://www.aliexpress.com/p/order/index.html", "aliexpress")]
    [InlineData("https://aliexpress.ru/order-list/8190000000000001", "aliexpress")]
    [InlineData("https://trade.aliexpress.com/orderList.htm", "aliexpress")]
    [InlineData("https://shopee.com.my/user/purchase/", "shopee")]
    [InlineData("https://www.shopee.vn/user/purchase/", "shopee")]
    [InlineData("https://my.lazada.co.th/customer/order/index/", "lazada")]
    [InlineData("https://my-m.lazada.vn/order/order-detail?tradeOrderId=1", "lazada")]
    [InlineData("https://www.lazada.sg/products/x.html", "generic")]
    [InlineData("https://shopee.example.com/user/purchase/", "generic")]
    [InlineData("https://notaliexpress.com/p/order/index.html", "generic")]
    public void Each_platform_claims_its_own_hosts_only(string url, string platform)
    {
        Assert.Equal(platform, PageParser.Parse("<p></p>", new Uri(url)).Platform);
    }

    [Fact]
    public void Lazada_notes_when_the_page_data_and_the_page_disagree_on_the_order()
    {
        const string html = """
            <div class="detail-page"><div class="detail-info"><div class="order-no">Order #603318877665540</div></div></div>
            <script>window.__detail = { "tradeOrderId": "603318877665541" };</script>
            """;

        var page = PageParser.Parse(html, new Uri("https://my.lazada.com.my/customer/order/view/?tradeOrderId=603318877665541"));

        Assert.Equal("603318877665541", page.Orders[0].OrderId.Value);
        Assert.Contains("the page data names order 603318877665541 but the page shows 603318877665540", page.Notes);
    }
}
