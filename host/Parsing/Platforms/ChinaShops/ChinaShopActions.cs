using AngleSharp.Dom;

namespace ReceiptGuard.Host.Parsing.Platforms.ChinaShops;

/// <summary>
/// The order actions a block of markup offers (确认收货 / 延长收货 / 申请售后), read from visible links, buttons and
/// button-like elements, with absolute URLs. Hidden controls (display:none, zero-size, the hidden attribute) are left out:
/// the user could not have clicked them.
/// </summary>
internal static class ChinaShopActions
{
    private const string Candidates = "a, button, [role=button], .btn";

    private static readonly (string Kind, string[] Texts)[] Kinds =
    [
        (ActionKinds.ConfirmReceipt, ["确认收货", "确认收到货"]),
        (ActionKinds.ExtendReceipt, ["延长收货", "延长收货时间"]),
        (ActionKinds.AfterSales, ["申请售后", "申请退款", "退换/售后", "查看售后", "退款详情", "售后详情"]),
        (ActionKinds.Logistics, ["查看物流", "物流详情", "查看物流详情", "订单跟踪", "物流跟踪"]),
    ];

    public static IReadOnlyList<PageAction> In(IEnumerable<IElement> scopes, Uri pageUrl)
    {
        var actions = new List<PageAction>();
        foreach (var element in scopes.SelectMany(scope => scope.SelectAll(Candidates)))
        {
            // A span.btn inside a.btn is one control, counted once at the outer element.
            if (element.ParentElement?.ClosestMatch(Candidates) is not null || IsHidden(element))
            {
                continue;
            }

            var text = LabelOf(element);
            var kind = Kinds.FirstOrDefault(k => k.Texts.Contains(text, StringComparer.Ordinal)).Kind;
            if (kind is null)
            {
                continue;
            }

            var action = new PageAction(kind, text, AbsoluteHref(element, pageUrl));
            if (!actions.Contains(action))
            {
                actions.Add(action);
            }
        }

        return actions;
    }

    /// <summary>The control's words without whitespace and icon-font glyphs (private-use characters).</summary>
    private static string LabelOf(IElement element) =>
        new(element.AllText().Where(c => !char.IsWhiteSpace(c) && c is not (>= '\uE000' and <= '\uF8FF')).ToArray());

    private static string? AbsoluteHref(IElement element, Uri pageUrl)
    {
        var href = element.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Uri.TryCreate(pageUrl, href, out var absolute) ? absolute.AbsoluteUri : null;
    }

    public static bool IsHidden(IElement element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (current.HasAttribute("hidden"))
            {
                return true;
            }

            var style = (current.GetAttribute("style") ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            if (style.Contains("display:none", StringComparison.Ordinal) || style.Contains("visibility:hidden", StringComparison.Ordinal)
                || (style.Contains("width:0", StringComparison.Ordinal) && style.Contains("height:0", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
