using AngleSharp.Dom;

namespace ReceiptGuard.Host.Parsing.Platforms.Taobao;

/// <summary>
/// What Taobao and Tmall order pages share (one trade system, one page family): embedded data read first, markup
/// second, the two merged per order. Subclasses say which hosts are theirs and which paths are list/detail/logistics.
/// </summary>
public abstract class TaobaoFamilyParser : IOrderPageParser
{
    public const string Version = "1";

    public abstract string Platform { get; }

    /// <summary>The registrable domain, e.g. "taobao.com".</summary>
    protected abstract string Domain { get; }

    protected abstract PageKind KindOf(Uri url);

    public bool CanParse(PageInput page)
    {
        var host = page.Url.Host;
        var ours = host.Equals(Domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + Domain, StringComparison.OrdinalIgnoreCase);
        // The confirm page and other trade pages on the same hosts carry no order: leave them to the generic parser.
        return ours && (KindOf(page.Url) != PageKind.Unknown || HasOrderSignature(page.Document));
    }

    public ParsedPage Parse(PageInput page)
    {
        var notes = new List<string>();
        var kind = KindOf(page.Url);
        if (kind == PageKind.Unknown)
        {
            kind = page.Document.SelectFirst("#J_bought_main, .js-order-container") is null ? PageKind.Detail : PageKind.List;
        }

        var data = TaobaoEmbeddedData.Find(page.Embedded, notes);
        IReadOnlyList<ParsedOrder> orders;
        if (kind == PageKind.List)
        {
            var embedded = data is { } root ? TaobaoEmbeddedOrders.List(root, page.Url) : [];
            orders = TaobaoOrderMerge.MergeAll(embedded, TaobaoMarkupOrders.List(page.Document, page.Url));
        }
        else
        {
            var embedded = data is { } root ? TaobaoEmbeddedOrders.Detail(root, page.Url) : null;
            var markup = TaobaoMarkupOrders.Detail(page.Document, page.Url);
            orders = (embedded, markup) switch
            {
                ({ } e, { } m) when e.OrderId.Value == m.OrderId.Value => [TaobaoOrderMerge.Merge(e, m)],
                ({ } e, { } m) => Disagree(e, m, notes),
                ({ } e, null) => [e],
                (null, { } m) => [m],
                _ => [],
            };
        }

        if (data is null)
        {
            notes.Add("no embedded order data on the page; read from the markup");
        }

        if (orders.Count == 0)
        {
            notes.Add("no order found on the page");
        }

        return new ParsedPage(Platform, kind, orders, $"{Platform}/{Version}", notes);
    }

    private static IReadOnlyList<ParsedOrder> Disagree(ParsedOrder embedded, ParsedOrder markup, List<string> notes)
    {
        notes.Add($"the embedded data says order {embedded.OrderId.Value} but the markup shows {markup.OrderId.Value}; kept the embedded one");
        return [embedded];
    }

    private static bool HasOrderSignature(IDocument document) =>
        document.SelectFirst("#J_bought_main, .js-order-container, #J_trade_detail, .trade-detail") is not null;
}
