namespace ReceiptGuard.Host.Parsing.Text;

/// <summary>
/// A page's status text → <see cref="OrderStatus"/>, for Chinese shop pages and the languages Shopee and Lazada use
/// (English, Malay, Indonesian, Thai, Vietnamese). The most specific phrases are tried first: "已确认收货" must not read
/// as awaiting receipt, nor "未发货已退款" as awaiting shipment.
/// </summary>
public static class StatusText
{
    private static readonly (string Phrase, OrderStatus Status)[] Phrases =
    [
        // Refunds and after-sales first: their texts often name the state they interrupted.
        ("退款", OrderStatus.Refunding), ("售后中", OrderStatus.Refunding), ("退货", OrderStatus.Refunding),
        ("return/refund", OrderStatus.Refunding), ("refund", OrderStatus.Refunding), ("return", OrderStatus.Refunding),
        ("pengembalian", OrderStatus.Refunding), ("pemulangan", OrderStatus.Refunding), ("bayaran balik", OrderStatus.Refunding),
        ("คืนเงิน", OrderStatus.Refunding), ("คืนสินค้า", OrderStatus.Refunding), ("trả hàng", OrderStatus.Refunding), ("hoàn tiền", OrderStatus.Refunding),

        ("交易关闭", OrderStatus.Closed), ("已关闭", OrderStatus.Closed), ("已取消", OrderStatus.Closed), ("取消", OrderStatus.Closed),
        ("cancelled", OrderStatus.Closed), ("canceled", OrderStatus.Closed), ("closed", OrderStatus.Closed),
        ("dibatalkan", OrderStatus.Closed), ("ยกเลิก", OrderStatus.Closed), ("đã hủy", OrderStatus.Closed),

        ("等待买家付款", OrderStatus.AwaitingPayment), ("待付款", OrderStatus.AwaitingPayment), ("待支付", OrderStatus.AwaitingPayment),
        ("未支付", OrderStatus.AwaitingPayment), ("等待付款", OrderStatus.AwaitingPayment),
        ("to pay", OrderStatus.AwaitingPayment), ("unpaid", OrderStatus.AwaitingPayment), ("belum bayar", OrderStatus.AwaitingPayment),
        ("untuk dibayar", OrderStatus.AwaitingPayment), ("ที่ต้องชำระ", OrderStatus.AwaitingPayment), ("chờ thanh toán", OrderStatus.AwaitingPayment),

        // Tab-like phrases that contain a later, broader word ("untuk diterima" ⊃ "diterima", "perlu dikirim" ⊃ "dikirim").
        ("to receive", OrderStatus.Shipped), ("untuk diterima", OrderStatus.Shipped), ("ที่ต้องได้รับ", OrderStatus.Shipped),
        ("to ship", OrderStatus.AwaitingShipment), ("awaiting shipment", OrderStatus.AwaitingShipment), ("perlu dikirim", OrderStatus.AwaitingShipment),
        ("untuk dihantar", OrderStatus.AwaitingShipment), ("dikemas", OrderStatus.AwaitingShipment), ("ที่ต้องจัดส่ง", OrderStatus.AwaitingShipment),

        ("交易成功", OrderStatus.Completed), ("交易完成", OrderStatus.Completed), ("已完成", OrderStatus.Completed), ("已确认收货", OrderStatus.Completed),
        ("completed", OrderStatus.Completed), ("order received", OrderStatus.Completed), ("selesai", OrderStatus.Completed),
        ("สำเร็จ", OrderStatus.Completed), ("hoàn thành", OrderStatus.Completed),

        ("已签收", OrderStatus.Delivered), ("已送达", OrderStatus.Delivered), ("delivered", OrderStatus.Delivered),
        ("telah diterima", OrderStatus.Delivered), ("sudah diterima", OrderStatus.Delivered), ("diterima", OrderStatus.Delivered),
        ("จัดส่งสำเร็จ", OrderStatus.Delivered), ("đã giao", OrderStatus.Delivered),

        ("等待买家确认收货", OrderStatus.Shipped), ("卖家已发货", OrderStatus.Shipped), ("已发货", OrderStatus.Shipped), ("待收货", OrderStatus.Shipped), ("待确认收货", OrderStatus.Shipped),
        ("运输中", OrderStatus.Shipped), ("派送中", OrderStatus.Shipped), ("配送中", OrderStatus.Shipped), ("已出库", OrderStatus.Shipped),
        ("shipped", OrderStatus.Shipped), ("shipping", OrderStatus.Shipped), ("in transit", OrderStatus.Shipped),
        ("out for delivery", OrderStatus.Shipped), ("dalam penghantaran", OrderStatus.Shipped),
        ("sedang dikirim", OrderStatus.Shipped), ("dikirim", OrderStatus.Shipped), ("กำลังจัดส่ง", OrderStatus.Shipped), ("đang giao", OrderStatus.Shipped), ("chờ giao hàng", OrderStatus.Shipped),

        ("买家已付款", OrderStatus.AwaitingShipment), ("等待卖家发货", OrderStatus.AwaitingShipment), ("待发货", OrderStatus.AwaitingShipment),
        ("未发货", OrderStatus.AwaitingShipment), ("processing", OrderStatus.AwaitingShipment),
        ("chờ lấy hàng", OrderStatus.AwaitingShipment), ("chờ xác nhận", OrderStatus.AwaitingShipment),
    ];

    public static OrderStatus Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return OrderStatus.Unknown;
        }

        var folded = FullWidth.ToAscii(text).Trim().ToLowerInvariant();
        foreach (var (phrase, status) in Phrases)
        {
            if (folded.Contains(phrase, StringComparison.Ordinal))
            {
                return status;
            }
        }

        return OrderStatus.Unknown;
    }

    /// <summary>Whether the text names a status at all (for finding the status element among a container's texts).</summary>
    public static bool IsStatus(string? text) => Normalize(text) != OrderStatus.Unknown;
}
