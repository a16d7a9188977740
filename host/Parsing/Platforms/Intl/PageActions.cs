using AngleSharp.Dom;

namespace ReceiptGuard.Host.Parsing.Platforms.Intl;

/// <summary>
/// The order actions a block of markup offers, recognised by their words (English and the sites' other languages).
/// Controls the page hides (display:none, hidden, zero size) are not offered to the user, so they are not actions.
/// </summary>
internal static class PageActions
{
    private static readonly (string Kind, string[] Words)[] Kinds =
    [
        (ActionKinds.ConfirmReceipt, ["confirm received", "order received", "confirm receipt", "confirm delivery", "pesanan diterima", "確認收貨", "确认收货", "ได้รับสินค้าแล้ว", "đã nhận được hàng"]),
        (ActionKinds.ExtendReceipt, ["extend", "extension", "perpanjang", "延长收货", "延長"]),
        (ActionKinds.AfterSales, ["return/refund", "return", "refund", "open dispute", "dispute", "disputa", "pengembalian", "申请售后", "退款"]),
        (ActionKinds.Logistics, ["track package", "track order", "track parcel", "tracking", "lacak", "ติดตามพัสดุ", "theo dõi đơn", "查看物流"]),
    ];

    /// <summary>Buttons, links, and Shopee's styled div buttons (shopee-button-solid / -outline).</summary>
    private const string Controls = "button, a, [role=button], [class*=shopee-button]";

    private const int MaxWords = 4;

    public static string? KindOf(string text)
    {
        var lower = text.ToLowerInvariant();
        // "Confirm delivery address" is an address form, not the receipt.
        if (lower.Contains("address", StringComparison.Ordinal))
        {
            return null;
        }

        return Kinds.FirstOrDefault(k => k.Words.Any(w => lower.Contains(w, StringComparison.Ordinal))).Kind;
    }

    public static IReadOnlyList<PageAction> In(IElement? scope, Uri page)
    {
        if (scope is null)
        {
            return [];
        }

        var actions = new List<PageAction>();
        foreach (var control in scope.SelectAll(Controls))
        {
            // The innermost control carries the words; a wrapper would repeat them.
            if (IsHidden(control) || control.SelectFirst(Controls) is not null)
            {
                continue;
            }

            var text = IntlText.TextOf(control);
            // Sentences that mention the action ("Please click Order Received only after …") are help, not controls.
            var kind = text is null || text.Split(' ').Length > MaxWords ? null : KindOf(text);
            if (kind is null)
            {
                continue;
            }

            var action = new PageAction(kind, text!, control.LocalName == "a" ? IntlText.AbsoluteUrl(page, control.GetAttribute("href")) : null);
            if (!actions.Contains(action))
            {
                actions.Add(action);
            }
        }

        return actions;
    }

    /// <summary>Hidden by the element itself or an ancestor: the hidden attribute, display:none, or a 0×0 box.</summary>
    public static bool IsHidden(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            var style = (e.GetAttribute("style") ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            if (e.HasAttribute("hidden") || style.Contains("display:none", StringComparison.Ordinal)
                || (style.Contains("width:0", StringComparison.Ordinal) && style.Contains("height:0", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
