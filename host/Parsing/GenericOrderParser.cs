using ReceiptGuard.Host.Parsing.Generic;

namespace ReceiptGuard.Host.Parsing;

/// <summary>
/// The fallback for any page no platform parser claims: schema.org data (JSON-LD, microdata) first, then generic
/// labels (订单号 / Order ID …), one order per container that carries one order-id label. Reports the platform id of
/// shops the extension knows by host name (Vipshop, Dangdang …), else "generic".
/// </summary>
public sealed class GenericOrderParser : IOrderPageParser
{
    public const string Version = "generic/1";

    public string Platform => "generic";

    public bool CanParse(PageInput page) => true;

    public ParsedPage Parse(PageInput page)
    {
        var notes = new List<string>();
        var platform = FallbackPlatforms.For(page.Url);
        var orders = StructuredOrderReader.Read(page, notes);
        if (orders.Count == 1 && page.Document.Body is { } detail)
        {
            // schema.org has no words for the page's controls or flags; a page with one order offers them for it.
            orders = [orders[0] with { Actions = PageActions.Find(detail, page.Url), Flags = LabelledOrderReader.FlagsOf(VisibleText.Of(detail)) }];
        }
        else if (orders.Count == 0 && page.Document.Body is { } body)
        {
            var containers = OrderContainers.Find(body);
            orders = containers.Select(c => LabelledOrderReader.Read(c, page.Url)).OfType<ParsedOrder>().ToArray();
            if (orders.Count < containers.Count)
            {
                notes.Add($"{containers.Count - orders.Count} order-id label(s) had no id after them");
            }
        }

        if (orders.Count == 0)
        {
            notes.Add("no order id found: no schema.org Order and no 订单号 / Order ID label");
        }

        return new ParsedPage(platform, KindOf(page, orders.Count), orders, Version, notes);
    }

    /// <summary>Logistics when the address or the page's heading says so (物流详情 / wuliu / tracking); else by order count.</summary>
    private static PageKind KindOf(PageInput page, int orders)
    {
        var address = page.Url.IsAbsoluteUri ? (page.Url.Host + page.Url.AbsolutePath).ToLowerInvariant() : "";
        var heading = $"{page.Document.Title}\n{page.Document.SelectFirst("h1")?.AllText()}";
        if (LogisticsWords.Any(w => address.Contains(w, StringComparison.Ordinal))
            || heading.Contains("物流详情", StringComparison.Ordinal) || heading.Contains("tracking", StringComparison.OrdinalIgnoreCase))
        {
            return PageKind.Logistics;
        }

        return orders switch
        {
            0 => PageKind.Unknown,
            1 => PageKind.Detail,
            _ => PageKind.List,
        };
    }

    private static readonly string[] LogisticsWords = ["wuliu", "logistics", "tracking"];
}
