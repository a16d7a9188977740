using ReceiptGuard.Host.Parsing;
using ReceiptGuard.Host.Parsing.Platforms.ChinaShops;

namespace ReceiptGuard.Host.Tests;

/// <summary>The text JD and Pinduoduo pages write amounts, countdowns, tracking lines and statuses in.</summary>
public sealed class ChinaShopTextTests
{
    [Theory]
    [InlineData("总额 ¥399.00", "399.00")]
    [InlineData("实付：￥1,299.00", "1299.00")]
    [InlineData("￥３９．９０", "39.90")]
    [InlineData("共1件商品 实付：￥9.90", "9.90")]
    [InlineData("¥ 12,345,678.5", "12345678.5")]
    [InlineData("店铺优惠 -￥3.00", "-3.00")]
    [InlineData("-￥100.00", "-100.00")]
    [InlineData("128", "128")]
    public void Amounts_are_read_after_the_yuan_sign(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ChinaShopText.ParseAmount(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("￥--")]
    [InlineData("免费")]
    public void No_number_is_no_amount(string? text) => Assert.Null(ChinaShopText.ParseAmount(text));

    [Fact]
    public void Pinduoduo_fen_are_yuan() => Assert.Equal(94.00m, ChinaShopText.FromFen(9400));

    [Fact]
    public void Full_width_forms_become_ascii_and_the_rest_stays() =>
        Assert.Equal("AB 12.5,订单", ChinaShopText.ToAscii("ＡＢ\u3000１２．５，订单"));

    [Theory]
    [InlineData("还剩6天23小时自动确认收货", "还剩6天23小时")]
    [InlineData("剩余 6天23时自动确认收货", "剩余 6天23时")]
    [InlineData("您的商品已发货。还剩 ９天２３小时 自动确认收货", "还剩 9天23小时")]
    [InlineData("还剩 2小时30分钟", "还剩 2小时30分钟")]
    public void Countdowns_are_cut_from_their_sentence(string text, string expected) => Assert.Equal(expected, ChinaShopText.Countdown(text));

    [Theory]
    [InlineData("售后处理中，自动确认收货已暂停")]
    [InlineData("剩余商品")]
    public void A_sentence_without_a_countdown_has_none(string text) => Assert.Null(ChinaShopText.Countdown(text));

    [Fact]
    public void A_tracking_line_splits_into_time_and_text()
    {
        Assert.Equal(("2026-11-17 06:12:40", "您的订单已到达【北京】"), ChinaShopText.SplitLeadingTime("  2026-11-17 06:12:40\n 您的订单已到达【北京】"));
        Assert.Equal(((string?)null, "已揽收"), ChinaShopText.SplitLeadingTime("已揽收"));
    }

    [Theory]
    [InlineData("等待收货", OrderStatus.Shipped)]
    [InlineData("待收货", OrderStatus.Shipped)]
    [InlineData("待确认收货", OrderStatus.Shipped)]
    [InlineData("已确认收货", OrderStatus.Completed)]
    [InlineData("已完成", OrderStatus.Completed)]
    [InlineData("等待付款", OrderStatus.AwaitingPayment)]
    [InlineData("待付尾款", OrderStatus.AwaitingPayment)]
    [InlineData("待发货", OrderStatus.AwaitingShipment)]
    [InlineData("未发货已退款", OrderStatus.Closed)]
    [InlineData("退款中", OrderStatus.Refunding)]
    [InlineData("已签收", OrderStatus.Delivered)]
    [InlineData("订单状态：已拆分", OrderStatus.Unknown)]
    [InlineData(null, OrderStatus.Unknown)]
    public void Statuses_are_normalized(string? text, OrderStatus expected) => Assert.Equal(expected, ChinaShopStatus.Normalize(text));
}
