using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ReceiptGuard.Host.Parsing.Generic;

/// <summary>
/// The controls a container offers for its order, by their whole text: 确认收货 / Confirm receipt, 延长收货 / Extend,
/// 申请售后 / 退款 / Return / Refund. Hidden controls (display:none, zero size, hidden) are not offered to the user and are
/// left out; "批量确认收货" or "确认收货地址" are other things and do not match.
/// </summary>
public static class PageActions
{
    private static readonly (string Text, string Kind)[] Exact =
    [
        ("确认收货", ActionKinds.ConfirmReceipt), ("确认收到货", ActionKinds.ConfirmReceipt), ("confirm receipt", ActionKinds.ConfirmReceipt),
        ("confirm received", ActionKinds.ConfirmReceipt), ("order received", ActionKinds.ConfirmReceipt),
        ("延长收货", ActionKinds.ExtendReceipt), ("延长收货时间", ActionKinds.ExtendReceipt), ("extend", ActionKinds.ExtendReceipt),
        ("extend receipt", ActionKinds.ExtendReceipt),
        ("申请售后", ActionKinds.AfterSales), ("退款", ActionKinds.AfterSales), ("申请退款", ActionKinds.AfterSales), ("退货", ActionKinds.AfterSales),
        ("申请退货", ActionKinds.AfterSales), ("退换货", ActionKinds.AfterSales), ("退货/退款", ActionKinds.AfterSales),
        ("return", ActionKinds.AfterSales), ("refund", ActionKinds.AfterSales), ("return/refund", ActionKinds.AfterSales), ("request refund", ActionKinds.AfterSales),
        ("查看物流", ActionKinds.Logistics), ("物流详情", ActionKinds.Logistics), ("查看物流详情", ActionKinds.Logistics), ("订单跟踪", ActionKinds.Logistics),
        ("track package", ActionKinds.Logistics), ("track order", ActionKinds.Logistics), ("track parcel", ActionKinds.Logistics),
    ];

    public static IReadOnlyList<PageAction> Find(IElement container, Uri pageUrl)
    {
        var actions = new List<PageAction>();
        foreach (var control in container.SelectAll("a, button, input[type=submit], input[type=button], [role=button]"))
        {
            // A control inside another (a span with role=button inside a link) is the same action.
            if (IsHidden(control) || control.ParentElement?.ClosestMatch("a, button, [role=button]") is not null)
            {
                continue;
            }

            var text = VisibleText.Squash(control is IHtmlInputElement input ? input.Value : control.AllText());
            var kind = Exact.FirstOrDefault(e => string.Equals(e.Text, text, StringComparison.OrdinalIgnoreCase)).Kind;
            if (kind is null)
            {
                continue;
            }

            actions.Add(new PageAction(kind, text, UrlOf(control, pageUrl)));
        }

        return actions;
    }

    private static bool IsHidden(IElement element)
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

    /// <summary>A link's href, or a submit control's form action with its hidden fields for a GET form; never javascript:.</summary>
    private static string? UrlOf(IElement control, Uri pageUrl)
    {
        var href = control.ClosestMatch("a[href]")?.GetAttribute("href");
        if (href is null && control is IHtmlInputElement or IHtmlButtonElement && control.ClosestMatch("form") is IHtmlFormElement form)
        {
            href = form.GetAttribute("action") ?? "";
            if (!string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase))
            {
                var fields = form.SelectAll("input[type=hidden][name]")
                    .Select(i => $"{Uri.EscapeDataString(i.GetAttribute("name")!)}={Uri.EscapeDataString(i.GetAttribute("value") ?? "")}")
                    .ToArray();
                href = fields.Length == 0 ? href : $"{href}{(href.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{string.Join('&', fields)}";
            }
        }

        return Absolute(href, pageUrl);
    }

    public static string? Absolute(string? href, Uri pageUrl)
    {
        href = href?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Uri.TryCreate(pageUrl, href, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri : null;
    }
}
