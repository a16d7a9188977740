namespace ReceiptGuard.Host.Parsing.Platforms.ChinaShops;

/// <summary>Chinese order status wording (JD, Pinduoduo) → <see cref="OrderStatus"/>.</summary>
public static class ChinaShopStatus
{
    // Order matters: "未发货已退款" is closed, not awaiting shipment; "待确认收货" is shipped, "已确认收货" completed.
    private static readonly (string[] Words, OrderStatus Status)[] Rules =
    [
        (["已退款", "退款成功", "交易关闭", "已关闭", "已取消", "订单取消", "取消订单"], OrderStatus.Closed),
        (["退款中", "售后中", "退货中", "退款处理", "申请退款", "退款/售后"], OrderStatus.Refunding),
        (["待付款", "等待付款", "待支付", "待付尾款", "等待付尾款"], OrderStatus.AwaitingPayment),
        (["待发货", "等待发货", "待出库", "等待出库"], OrderStatus.AwaitingShipment),
        (["已签收"], OrderStatus.Delivered),
        (["待收货", "等待收货", "待确认收货", "已发货", "运输中", "配送中", "派送中"], OrderStatus.Shipped),
        (["已确认收货", "已完成", "完成", "交易成功", "已收货", "待评价", "已评价"], OrderStatus.Completed),
    ];

    public static OrderStatus Normalize(string? text)
    {
        var squashed = ChinaShopText.Squash(text).Replace(" ", "", StringComparison.Ordinal);
        foreach (var (words, status) in Rules)
        {
            if (words.Any(word => squashed.Contains(word, StringComparison.Ordinal)))
            {
                return status;
            }
        }

        return OrderStatus.Unknown;
    }
}
