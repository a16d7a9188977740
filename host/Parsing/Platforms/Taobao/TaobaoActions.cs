namespace ReceiptGuard.Host.Parsing.Platforms.Taobao;

/// <summary>Which order actions matter (confirm, extend, after-sales, logistics), recognised by the platform's operation id or text.</summary>
internal static class TaobaoActions
{
    /// <summary>The action's kind, or null for actions ReceiptGuard does not track (评价, 再次购买, 确认收货地址 …).</summary>
    public static string? KindOf(string? id, string text)
    {
        var label = TaobaoText.Clean(text);
        // Exact text: "确认收货地址" (confirm the address) is not a receipt confirmation.
        if (id is "confirmGood" or "confirmGoods" || label is "确认收货" or "确认收到货")
        {
            return ActionKinds.ConfirmReceipt;
        }

        if (id is "delayConfirm" or "extendConfirm" || label is "延长收货" or "延长收货时间")
        {
            return ActionKinds.ExtendReceipt;
        }

        if (id is "refund" or "applyRefund" or "afterSales" or "viewRefund" || label is "申请售后" or "退款/退货" or "申请退款" or "退换货" or "售后" or "查看退款")
        {
            return ActionKinds.AfterSales;
        }

        if (id is "viewLogistic" or "viewLogistics" or "logistics" || label is "查看物流" or "物流详情" or "查看物流详情")
        {
            return ActionKinds.Logistics;
        }

        return null;
    }

    /// <summary>A link target made absolute against the page; null for script and fragment links.</summary>
    public static string? Absolute(Uri page, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Uri.TryCreate(page, href.Trim(), out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri : null;
    }

    public static PageAction? From(Uri page, string? id, string? text, string? href)
    {
        var label = TaobaoText.Clean(text);
        return KindOf(id, label) is { } kind ? new PageAction(kind, label, Absolute(page, href)) : null;
    }
}
