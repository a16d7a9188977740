using System.Text.Json;
using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Platforms.ChinaShops;

namespace ReceiptGuard.Host.Parsing.Platforms.Pinduoduo;

/// <summary>
/// Pinduoduo (拼多多) mobile web pages on mobile.yangkeduo.com / mobile.pinduoduo.com. Orders are read from the
/// embedded <c>window.rawData</c> (list: <c>ordersStore.orders</c>, detail: <c>data</c>); the rendered cards only add
/// what rawData lacks. List cards show no order number, so a card is matched to its order by an order_sn link, else
/// by its shop and goods names.
/// </summary>
public sealed class PinduoduoOrderParser : IOrderPageParser
{
    public const string Version = "pinduoduo/1";

    private const string Cards = ".react-base-list > div, [data-order-sn]";

    private static readonly string[] Domains = ["yangkeduo.com", "pinduoduo.com"];

    public string Platform => "pinduoduo";

    public bool CanParse(PageInput page)
    {
        var host = page.Url.Host;
        return Domains.Any(domain => host.Equals(domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase));
    }

    public ParsedPage Parse(PageInput page)
    {
        var notes = new List<string>();
        var kind = KindOf(page.Url);
        var rawData = PddRawData.Find(page.Embedded, notes);
        var orders = new List<ParsedOrder>();
        if (PddJson.At(rawData, "ordersStore", "orders") is { ValueKind: JsonValueKind.Array } list)
        {
            kind = kind == PageKind.Unknown ? PageKind.List : kind;
            var cards = page.Document.SelectAll(Cards).ToList();
            foreach (var order in list.EnumerateArray())
            {
                if (PddJson.String(order, "orderSn") is not { } orderSn)
                {
                    notes.Add("skipped a rawData order without orderSn");
                    continue;
                }

                var card = PddCards.Match(cards, order, orderSn);
                if (card is null)
                {
                    notes.Add($"order {orderSn} has no card on the page: only rawData was read");
                }

                orders.Add(PddOrderReader.Read(order, orderSn, card, page.Url, notes));
            }
        }
        else if (PddJson.At(rawData, "data") is { ValueKind: JsonValueKind.Object } detail && PddJson.String(detail, "orderSn") is { } orderSn)
        {
            kind = kind == PageKind.Unknown ? PageKind.Detail : kind;
            orders.Add(PddOrderReader.Read(detail, orderSn, page.Document.Body, page.Url, notes));
        }
        else if (rawData is not null)
        {
            notes.Add("window.rawData holds neither ordersStore.orders nor data.orderSn");
        }

        return new ParsedPage(Platform, kind, orders, Version, notes);
    }

    private static PageKind KindOf(Uri url) => url.AbsolutePath.ToLowerInvariant() switch
    {
        "/orders.html" => PageKind.List,
        "/order.html" => PageKind.Detail,
        "/goods_express.html" or "/logistics.html" => PageKind.Logistics,
        _ => PageKind.Unknown,
    };
}
