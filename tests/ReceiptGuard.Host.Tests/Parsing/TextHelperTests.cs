using ReceiptGuard.Host.Parsing;
using ReceiptGuard.Host.Parsing.Text;

namespace ReceiptGuard.Host.Tests.Parsing;

public sealed class AmountsTests
{
    [Theory]
    [InlineData("￥1,234.50", "1234.50", "CNY")]
    [InlineData("¥ 99", "99", "CNY")]
    [InlineData("RM 12.90", "12.90", "MYR")]
    [InlineData("₱1,299.00", "1299.00", "PHP")]
    [InlineData("Rp 150.000", "150000", "IDR")]
    [InlineData("Rp1.250.000", "1250000", "IDR")]
    [InlineData("US $12.34", "12.34", "USD")]
    [InlineData("S$ 5.60", "5.60", "SGD")]
    [InlineData("１２３．５０", "123.50", null)]
    [InlineData("￥１，２３４．５０", "1234.50", "CNY")]
    [InlineData("1.234,50 €", "1234.50", "EUR")]
    [InlineData("59元", "59", "CNY")]
    public void Parses_amounts_as_pages_write_them(string text, string value, string? currency)
    {
        var amount = Amounts.Parse(text);
        Assert.NotNull(amount);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), amount.Value);
        Assert.Equal(currency, amount.Currency);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("免运费")]
    public void Text_without_digits_is_no_amount(string? text) => Assert.Null(Amounts.Parse(text));

    [Fact]
    public void With_symbol_only_refuses_bare_numbers()
    {
        Assert.Null(Amounts.ParseWithSymbol("40个"));
        Assert.Equal(356.00m, Amounts.ParseWithSymbol("￥356.00")!.Value);
    }
}

public sealed class FullWidthTests
{
    [Theory]
    [InlineData("１２３．５０", "123.50")]
    [InlineData("订单号：ＡＢ１２３", "订单号:AB123")]
    [InlineData("a\u3000b", "a b")]
    [InlineData("plain ascii", "plain ascii")]
    public void Maps_full_width_ascii_to_ascii(string text, string expected) => Assert.Equal(expected, FullWidth.ToAscii(text));
}

public sealed class JsStringTests
{
    [Theory]
    [InlineData(@"a\""b", "a\"b")]
    [InlineData(@"it\'s", "it's")]
    [InlineData(@"back\\slash", @"back\slash")]
    [InlineData(@"line\nbreak\ttab\rcr", "line\nbreak\ttab\rcr")]
    [InlineData(@"https:\/\/trade.taobao.com", "https://trade.taobao.com")]
    [InlineData(@"\u786e\u8ba4\u6536\u8d27", "确认收货")]
    [InlineData(@"\x41\x42", "AB")]
    [InlineData(@"bad \u12 and \xZ", @"bad u12 and xZ")]
    [InlineData(@"trailing\", @"trailing\")]
    public void Unescapes_string_literal_bodies(string body, string expected) => Assert.Equal(expected, JsString.Unescape(body));

    [Fact]
    public void Finds_the_json_parse_argument_and_unescapes_it()
    {
        const string script = """
            var a = 1;
            var data = JSON.parse('{\"mainOrders\":[{\"id\":\"3312345678901234567\",\"text\":\"\u786e\u8ba4\u6536\u8d27\",\"note\":\"it\'s\"}]}');
            """;
        Assert.Equal("""{"mainOrders":[{"id":"3312345678901234567","text":"确认收货","note":"it's"}]}""", JsString.FindJsonParseArgument(script));
    }

    [Fact]
    public void Double_quoted_argument_and_no_call()
    {
        Assert.Equal("""{"a":"b'c"}""", JsString.FindJsonParseArgument("""x = JSON.parse("{\"a\":\"b'c\"}")"""));
        Assert.Null(JsString.FindJsonParseArgument("var data = {};"));
    }
}

public sealed class StatusTextTests
{
    [Theory]
    [InlineData("等待买家付款", OrderStatus.AwaitingPayment)]
    [InlineData("待付款", OrderStatus.AwaitingPayment)]
    [InlineData("买家已付款", OrderStatus.AwaitingShipment)]
    [InlineData("待发货", OrderStatus.AwaitingShipment)]
    [InlineData("等待卖家发货", OrderStatus.AwaitingShipment)]
    [InlineData("卖家已发货", OrderStatus.Shipped)]
    [InlineData("待收货", OrderStatus.Shipped)]
    [InlineData("运输中", OrderStatus.Shipped)]
    [InlineData("派送中", OrderStatus.Shipped)]
    [InlineData("等待买家确认收货", OrderStatus.Shipped)]
    [InlineData("已签收", OrderStatus.Delivered)]
    [InlineData("已送达", OrderStatus.Delivered)]
    [InlineData("Delivered", OrderStatus.Delivered)]
    [InlineData("交易成功", OrderStatus.Completed)]
    [InlineData("已完成", OrderStatus.Completed)]
    [InlineData("已确认收货", OrderStatus.Completed)]
    [InlineData("COMPLETED", OrderStatus.Completed)]
    [InlineData("交易关闭", OrderStatus.Closed)]
    [InlineData("已取消", OrderStatus.Closed)]
    [InlineData("Cancelled", OrderStatus.Closed)]
    [InlineData("退款中", OrderStatus.Refunding)]
    [InlineData("售后中", OrderStatus.Refunding)]
    [InlineData("未发货，已退款", OrderStatus.Refunding)]
    [InlineData("Return/Refund", OrderStatus.Refunding)]
    [InlineData("To Pay", OrderStatus.AwaitingPayment)]
    [InlineData("To Ship", OrderStatus.AwaitingShipment)]
    [InlineData("To Receive", OrderStatus.Shipped)]
    [InlineData("Shipping", OrderStatus.Shipped)]
    [InlineData("Untuk Dibayar", OrderStatus.AwaitingPayment)]
    [InlineData("Untuk Diterima", OrderStatus.Shipped)]
    [InlineData("Dikirim", OrderStatus.Shipped)]
    [InlineData("Selesai", OrderStatus.Completed)]
    [InlineData("Dibatalkan", OrderStatus.Closed)]
    [InlineData("ที่ต้องชำระ", OrderStatus.AwaitingPayment)]
    [InlineData("ยกเลิกแล้ว", OrderStatus.Closed)]
    [InlineData("Chờ thanh toán", OrderStatus.AwaitingPayment)]
    [InlineData("Đang giao", OrderStatus.Shipped)]
    [InlineData("Hoàn thành", OrderStatus.Completed)]
    [InlineData("查看物流", OrderStatus.Unknown)]
    [InlineData("", OrderStatus.Unknown)]
    public void Normalizes_status_words(string text, OrderStatus expected) => Assert.Equal(expected, StatusText.Normalize(text));
}
