namespace ReceiptGuard.Host.Parsing;

/// <summary>Where a parsed value came from, most trusted first; the UI shows it so users know how sure it is.</summary>
public enum FieldSource
{
    /// <summary>Data the page carried for its own scripts (Taobao's <c>var data = JSON.parse('…')</c>, PDD's <c>window.rawData</c>, JSON-LD, microdata).</summary>
    Embedded,

    /// <summary>A platform-specific element of the page's markup.</summary>
    Selector,

    /// <summary>Text next to a generic label such as 订单号 / Order ID.</summary>
    Label,
}

public enum PageKind
{
    Unknown,
    List,
    Detail,
    Logistics,
}

/// <summary>The order's state in one vocabulary for every platform; <see cref="Unknown"/> when the text is not recognised.</summary>
public enum OrderStatus
{
    Unknown,
    AwaitingPayment,
    AwaitingShipment,
    Shipped,
    Delivered,
    Completed,
    Closed,
    Refunding,
}

/// <summary>A value and where it was read.</summary>
public sealed record Sourced<T>(T Value, FieldSource Source);

public sealed record ParsedItem(
    Sourced<string>? Title,
    Sourced<string>? Sku,
    Sourced<int>? Quantity,
    Sourced<decimal>? UnitPrice,
    Sourced<decimal>? PaidAmount);

/// <summary>One line of a logistics trace as the page shows it; the time is kept as written (pages rarely give a zone).</summary>
public sealed record LogisticsEvent(string? Time, string Text);

public sealed record ParsedLogistics(
    Sourced<string>? Carrier,
    Sourced<string>? TrackingNumber,
    Sourced<string>? LatestEvent,
    Sourced<string>? LatestEventTime,
    IReadOnlyList<LogisticsEvent> Events);

/// <summary>What the page marks the order as.</summary>
public sealed record OrderFlags(bool Presale, bool CustomMade, bool CashOnDelivery)
{
    public static OrderFlags None { get; } = new(false, false, false);
}

/// <summary>Kinds of <see cref="PageAction.Kind"/>.</summary>
public static class ActionKinds
{
    public const string ConfirmReceipt = "confirm-receipt";
    public const string ExtendReceipt = "extend-receipt";
    public const string AfterSales = "after-sales";

    /// <summary>The order's logistics / tracking view on the platform: the guide links to it.</summary>
    public const string Logistics = "logistics";
}

/// <summary>An action the page offers for the order (a link or button), with its absolute URL when it has one.</summary>
public sealed record PageAction(string Kind, string Text, string? Url);

public sealed record ParsedOrder(
    Sourced<string> OrderId,
    Sourced<string>? Shop,
    Sourced<string>? Seller,
    IReadOnlyList<ParsedItem> Items,
    Sourced<decimal>? TotalPaid,
    /// <summary>ISO 4217 (CNY, MYR, USD …) when the page says or the platform implies it.</summary>
    string? Currency,
    /// <summary>As the page writes it, e.g. "2026-11-20 14:03:11".</summary>
    Sourced<string>? OrderTime,
    Sourced<string>? StatusText,
    OrderStatus Status,
    ParsedLogistics? Logistics,
    /// <summary>As the page writes it, e.g. "还剩8天9时" or a date.</summary>
    Sourced<string>? AutoConfirmDeadline,
    OrderFlags Flags,
    IReadOnlyList<PageAction> Actions)
{
    /// <summary>The order whose control the user clicked (the extension's order hint), when this page is a snapshot of one.</summary>
    public bool IsSubject { get; init; }
}

public sealed record ParsedPage(
    /// <summary>Platform id as the extension names it ("taobao", "jd" …), or "generic".</summary>
    string Platform,
    PageKind Kind,
    IReadOnlyList<ParsedOrder> Orders,
    /// <summary>Which parser produced this (platform parser or the generic fallback), and its version.</summary>
    string Parser,
    /// <summary>Things the parser noticed and could not resolve (for the UI and for debugging a page).</summary>
    IReadOnlyList<string> Notes)
{
    public string? SubjectOrderId => Orders.FirstOrDefault(o => o.IsSubject)?.OrderId.Value;
}
