using System.Text.RegularExpressions;

namespace ReceiptGuard.Host.Parsing.Generic;

/// <summary>The generic labels shop pages put before their values, as patterns over <see cref="VisibleText"/> lines.</summary>
public static partial class OrderLabels
{
    /// <summary>An order id: at least 6 letters/digits (inner dashes allowed) with a digit, after 订单号 / Order ID ….</summary>
    [GeneratedRegex(@"(?:订单编号|订单号|Order\s*(?:ID|No\.?|Number|#))\s*[:：#]?\s*(?<id>(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{4,}[A-Za-z0-9])", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex OrderId();

    /// <summary>Just the label, to find the elements that carry one.</summary>
    [GeneratedRegex(@"订单编号|订单号|Order\s*(?:ID|No\.?|Number|#)", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex OrderIdLabel();

    [GeneratedRegex(@"(?:运单号|快递单号|物流单号|Tracking\s*(?:number|No\.?))\s*[:：]?\s*(?<id>[A-Za-z0-9]{6,})", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex TrackingNumber();

    [GeneratedRegex(@"(?:快递公司|物流公司|承运人|Carrier|Courier)\s*[:：]\s*(?<name>[^\n]+)", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex Carrier();

    [GeneratedRegex(@"(?:实付款|实付金额|实付|合计|Order\s*total|Total)\s*[:：]?\s*(?<amount>[^\n]{0,4}?[\d０-９][\d０-９.,，．]*)", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex Total();

    [GeneratedRegex(@"(?:下单时间|成交时间|创建时间|Order\s*placed(?:\s*on)?|Order\s*date|Placed\s*on)\s*[:：]?\s*(?<time>[^\n]+)", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex OrderTime();

    /// <summary>A date and time as shop pages write them, e.g. 2026-11-18 21:05:33.</summary>
    [GeneratedRegex(@"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?", RegexOptions.None, 1000)]
    public static partial Regex DateTime();

    [GeneratedRegex(@"(?:店铺|卖家|商家|Seller|Shop|Store)\s*[:：]\s*(?<name>[^\n]+)", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex Shop();

    [GeneratedRegex(@"^[×xX*]\s*(?<count>\d{1,4})$|\s[×xX]\s*(?<count>\d{1,4})$|^(?:数量|Qty|Quantity)\s*[:：]?\s*(?<count>\d{1,4})$", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex Quantity();

    [GeneratedRegex(@"\bCOD\b|货到付款|Cash\s*on\s*Delivery", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex CashOnDelivery();
}
