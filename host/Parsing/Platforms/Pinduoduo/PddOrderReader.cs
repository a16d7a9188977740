using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Platforms.ChinaShops;

namespace ReceiptGuard.Host.Parsing.Platforms.Pinduoduo;

/// <summary>
/// One order from its rawData object (list <c>ordersStore.orders[i]</c> or detail <c>data</c>; both use the same
/// member names), completed from the rendered markup around it (<paramref name="scope"/>: the list card or the detail
/// page) for what rawData does not carry: the status wording, the latest tracking line, the countdown, the buttons.
/// </summary>
internal static class PddOrderReader
{
    /// <summary>Pinduoduo's <c>status</c> codes, for when the page shows no status wording.</summary>
    private static readonly Dictionary<long, string> StatusCodes = new()
    {
        [2] = "待发货",
        [3] = "已发货",
        [4] = "已确认收货",
        [6] = "未发货已退款",
    };

    /// <summary>Pinduoduo is a China-only shop: its Unix times are shown in China time.</summary>
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public static ParsedOrder Read(JsonElement order, string orderSn, IElement? scope, Uri url, List<string> notes)
    {
        var statusText = StatusText(order, scope);
        var status = ChinaShopStatus.Normalize(statusText?.Value);
        var amount = PddJson.Long(order, "displayAmount") ?? PddJson.Long(order, "orderAmount");
        // An unpaid order's amount is what it will cost, not what was paid.
        if (status == OrderStatus.AwaitingPayment && amount is not null)
        {
            notes.Add($"order {orderSn} is unpaid: its amount is not reported as paid");
            amount = null;
        }

        var scopeText = ChinaShopText.Squash(scope?.AllText());
        var goods = PddJson.Array(order, "orderGoods").ToList();
        return new ParsedOrder(
            OrderId: new Sourced<string>(orderSn, FieldSource.Embedded),
            Shop: Embedded(PddJson.String(order, "mall", "mallName")),
            Seller: null,
            Items: Items(goods, scope),
            TotalPaid: amount is { } fen ? new Sourced<decimal>(ChinaShopText.FromFen(fen), FieldSource.Embedded) : null,
            Currency: "CNY",
            OrderTime: PddJson.Long(order, "orderTime") is { } seconds ? Embedded(ChinaTimeText(seconds)) : null,
            StatusText: statusText,
            Status: status,
            Logistics: Logistics(order, scope),
            AutoConfirmDeadline: Selected(ChinaShopText.Countdown(scope?.SelectFirst(".countdown")?.AllText())),
            Flags: new OrderFlags(
                Presale: PddJson.True(order, "isPreSale") || ContainsAny(scopeText, "预售", "定金", "尾款"),
                CustomMade: ContainsAny(scopeText, "定制"),
                CashOnDelivery: ContainsAny(scopeText, "货到付款")),
            Actions: scope is null ? [] : ChinaShopActions.In([scope], url));
    }

    public static string ChinaTimeText(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToOffset(ChinaTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The words the page shows (rawData's own prompt, else the rendered status), else the code's meaning.</summary>
    private static Sourced<string>? StatusText(JsonElement order, IElement? scope) =>
        Embedded(PddJson.String(order, "orderStatusPrompt"))
        ?? Selected(ChinaShopText.Squash(scope?.SelectFirst("[data-test='订单状态']")?.AllText()))
        ?? (PddJson.Long(order, "status") is { } code && StatusCodes.TryGetValue(code, out var text) ? Embedded(text) : null);

    /// <summary>Goods from rawData; a unit price from rawData (fen) or, failing that, the card's price when each goods has one.</summary>
    private static List<ParsedItem> Items(List<JsonElement> goods, IElement? scope)
    {
        var shownPrices = scope?.SelectAll("[data-test='商品价格']").Select(p => ChinaShopText.ParseAmount(p.AllText())).ToList() ?? [];
        return goods.Select((g, i) => new ParsedItem(
            Embedded(PddJson.String(g, "goodsName")),
            Embedded(PddJson.String(g, "spec")),
            PddJson.Long(g, "goodsNumber") is { } count and > 0 and <= int.MaxValue ? new Sourced<int>((int)count, FieldSource.Embedded) : null,
            PddJson.Long(g, "goodsPrice") is { } fen
                ? new Sourced<decimal>(ChinaShopText.FromFen(fen), FieldSource.Embedded)
                : shownPrices.Count == goods.Count && shownPrices[i] is { } shown ? new Sourced<decimal>(shown, FieldSource.Selector) : null,
            null)).ToList();
    }

    /// <summary>Carrier and tracking number from rawData's expressInfo; the latest tracking line as the page renders it.</summary>
    private static ParsedLogistics? Logistics(JsonElement order, IElement? scope)
    {
        var carrier = Embedded(PddJson.String(order, "expressInfo", "shippingName"));
        var number = Embedded(PddJson.String(order, "expressInfo", "trackingNumber"));
        var express = scope?.SelectFirst(".express");
        var latest = ChinaShopText.Squash((express?.SelectFirst(".express-text") ?? express)?.AllText());
        var time = ChinaShopText.Squash(express?.SelectFirst(".express-time")?.AllText());
        if (carrier is null && number is null && latest.Length == 0)
        {
            return null;
        }

        return new ParsedLogistics(
            carrier,
            number,
            Selected(latest),
            Selected(time),
            latest.Length > 0 ? [new LogisticsEvent(time.Length > 0 ? time : null, latest)] : []);
    }

    private static bool ContainsAny(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static Sourced<string>? Embedded(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Sourced<string>(value, FieldSource.Embedded);

    private static Sourced<string>? Selected(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Sourced<string>(value, FieldSource.Selector);
}
