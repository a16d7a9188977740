namespace ReceiptGuard.Host.Parsing.Platforms.Taobao;

/// <summary>Order flags from the words the page uses for them: 预售/定金/尾款, 定制, 货到付款.</summary>
internal static class TaobaoFlags
{
    public static OrderFlags From(IEnumerable<string> texts)
    {
        var all = string.Join('\n', texts);
        return new OrderFlags(
            Presale: TaobaoText.ContainsAny(all, "预售", "定金", "尾款"),
            CustomMade: TaobaoText.ContainsAny(all, "定制"),
            CashOnDelivery: TaobaoText.ContainsAny(all, "货到付款"));
    }

    public static OrderFlags Either(OrderFlags a, OrderFlags b) =>
        new(a.Presale || b.Presale, a.CustomMade || b.CustomMade, a.CashOnDelivery || b.CashOnDelivery);
}
