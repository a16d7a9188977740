namespace ReceiptGuard.Host.Parsing.Platforms.AliExpress;

/// <summary>AliExpress's order status and button codes (the same codes its open-platform order API uses).</summary>
internal static class AliExpressStatus
{
    public static OrderStatus? FromCode(string? code) => code switch
    {
        "PLACE_ORDER_SUCCESS" => OrderStatus.AwaitingPayment,
        "WAIT_SELLER_SEND_GOODS" => OrderStatus.AwaitingShipment,
        "SELLER_PART_SEND_GOODS" or "WAIT_BUYER_ACCEPT_GOODS" => OrderStatus.Shipped,
        "IN_ISSUE" or "IN_FROZEN" or "FUND_PROCESSING" => OrderStatus.Refunding,
        "FINISH" => OrderStatus.Completed,
        "IN_CANCEL" => OrderStatus.Closed,
        _ => null,
    };

    public static string? ActionKind(string? code) => code switch
    {
        "CONFIRM_ACCEPT_GOODS" => ActionKinds.ConfirmReceipt,
        "EXTEND_PROTECTION" => ActionKinds.ExtendReceipt,
        "OPEN_DISPUTE" or "VIEW_DISPUTE" => ActionKinds.AfterSales,
        _ => null,
    };
}
