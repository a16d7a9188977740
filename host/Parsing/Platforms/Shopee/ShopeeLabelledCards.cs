using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Platforms.Intl;

namespace ReceiptGuard.Host.Parsing.Platforms.Shopee;

/// <summary>
/// The purchase list when its classes are build hashes (the live site's CSS modules): a card is the largest block
/// around an order SN or order link that names no other order, and only what labels and buttons say is read.
/// </summary>
internal static partial class ShopeeLabelledCards
{
    public static IReadOnlyList<ParsedOrder> Read(IDocument document, Uri page, string? currency, List<string> notes)
    {
        var anchors = document.Body?.SelectAll("a[href*='/user/purchase/order/'], div, span")
            .Where(e => e.LocalName == "a" || (e.Children.Length == 0 && ShopeeSites.SerialIn(IntlText.TextOf(e)) is not null)) ?? [];
        var cards = new List<IElement>();
        // Anchors share ancestors: each element's order-id count is read once, not once per anchor below it.
        var idCounts = new Dictionary<IElement, int>();
        foreach (var anchor in anchors)
        {
            var card = CardAround(anchor, idCounts);
            if (card is not null && !cards.Contains(card))
            {
                cards.Add(card);
            }
        }

        var orders = cards.Select(card => Read(card, page, currency)).ToArray();
        if (orders.Length > 0)
        {
            notes.Add("no known card classes: orders read from labels and buttons only");
        }

        return orders;
    }

    private static IElement? CardAround(IElement anchor, Dictionary<IElement, int> idCounts)
    {
        IElement? card = null;
        for (var e = anchor; e is not null && e.LocalName != "body"; e = e.ParentElement)
        {
            if (IdCount(e, idCounts) > 1)
            {
                break;
            }

            card = e;
        }

        return card is not null && IdCount(card, idCounts) == 1 ? card : null;
    }

    private static int IdCount(IElement element, Dictionary<IElement, int> idCounts)
    {
        if (!idCounts.TryGetValue(element, out var count))
        {
            count = ShopeeSites.OrderIdsIn(element, IntlText.TextOf(element)).Count;
            idCounts[element] = count;
        }

        return count;
    }

    private static ParsedOrder Read(IElement card, Uri page, string? currency)
    {
        var text = IntlText.TextOf(card) ?? string.Empty;
        var id = ShopeeSites.SerialIn(text) ?? ShopeeSites.LinkedOrderId(card)!;
        var total = Total().Match(text) is { Success: true } m ? IntlText.Amount(m.Groups[1].Value, currency) : null;
        var deadline = Deadline().Match(text);
        return new ParsedOrder(
            new Sourced<string>(id, FieldSource.Label),
            null,
            null,
            [],
            total is { } t ? new Sourced<decimal>(t, FieldSource.Label) : null,
            currency,
            null,
            null,
            OrderStatus.Unknown,
            null,
            deadline.Success ? new Sourced<string>(deadline.Groups[1].Value, FieldSource.Label) : null,
            new OrderFlags(false, false, ShopeeSites.IsCashOnDelivery(text)),
            PageActions.In(card, page));
    }

    [GeneratedRegex(@"(?:Order Total|Total Pesanan)\s*:?\s*(\S*\d[\d.,]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Total();

    /// <summary>"Confirm receipt by 12-11-2026" / "dikonfirmasi otomatis pada 14-11-2026".</summary>
    [GeneratedRegex(@"(?:Confirm receipt by|otomatis pada)\s+(\d{2}-\d{2}-\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex Deadline();
}
