using System.Text.Json;
using System.Web;
using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Platforms.ChinaShops;

namespace ReceiptGuard.Host.Parsing.Platforms.Pinduoduo;

/// <summary>Which rendered list card shows a rawData order.</summary>
internal static class PddCards
{
    /// <summary>
    /// The card marked with the order (data-order-sn, or an order_sn link), else the only card showing both the order's
    /// shop and first goods name; null when none or several do (a wrong card would lend the order another's buttons).
    /// </summary>
    public static IElement? Match(IReadOnlyList<IElement> cards, JsonElement order, string orderSn)
    {
        var marked = cards.FirstOrDefault(card => card.GetAttribute("data-order-sn") == orderSn
            || card.SelectAll("a[href]").Any(a => OrderSnOf(a.GetAttribute("href")) == orderSn));
        if (marked is not null)
        {
            return marked;
        }

        var mall = Squash(PddJson.String(order, "mall", "mallName"));
        var goods = Squash(PddJson.String(PddJson.Array(order, "orderGoods").FirstOrDefault(), "goodsName"));
        if (mall.Length == 0 || goods.Length == 0)
        {
            return null;
        }

        var showing = cards.Where(card =>
        {
            var text = Squash(card.AllText());
            return text.Contains(mall, StringComparison.Ordinal) && text.Contains(goods, StringComparison.Ordinal);
        }).Take(2).ToList();
        return showing.Count == 1 ? showing[0] : null;
    }

    private static string? OrderSnOf(string? href)
    {
        var query = href?.IndexOf('?', StringComparison.Ordinal) is { } at and >= 0 ? href[(at + 1)..] : null;
        return query is null ? null : HttpUtility.ParseQueryString(query)["order_sn"];
    }

    private static string Squash(string? text) => ChinaShopText.Squash(text).Replace(" ", "", StringComparison.Ordinal);
}
