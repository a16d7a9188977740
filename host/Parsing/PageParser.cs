using AngleSharp.Html.Parser;

namespace ReceiptGuard.Host.Parsing;

/// <summary>
/// Parses a page into orders: decodes it, builds the DOM once with AngleSharp, lets the platform's parser (or the
/// generic one) read it, and marks the order the user's click belonged to. Never throws for a page's content.
/// </summary>
public static class PageParser
{
    /// <summary>
    /// The parsers' version as a whole. Raise it when a change would read stored pages differently: <c>reparse</c>
    /// (by default) and nothing else re-runs the snapshots parsed by an older one.
    /// </summary>
    public const int Version = 3;

    public static ParsedPage Parse(string html, Uri url, IReadOnlyList<EmbeddedScript>? embedded = null, string? orderHint = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        // A saved page still has its scripts; a captured one had them moved to embeddedData.
        var scripts = embedded is { Count: > 0 }
            ? embedded
            : document.Scripts.Select(s => new EmbeddedScript(s.Type is { Length: > 0 } type ? type : "text/javascript", s.AllText())).ToArray();
        var page = new PageInput(url, document, scripts);
        var parser = ParserRegistry.For(page);
        ParsedPage result;
        try
        {
            result = parser.Parse(page);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            result = new ParsedPage(parser.Platform, PageKind.Unknown, [], parser.GetType().Name, [$"the {parser.Platform} parser failed: {exception.Message}"]);
        }

        return MarkSubject(result, orderHint);
    }

    private static ParsedPage MarkSubject(ParsedPage page, string? orderHint)
    {
        if (string.IsNullOrEmpty(orderHint))
        {
            // A detail page has one order: it is the subject whatever the hint.
            return page.Orders.Count == 1 && page.Kind is PageKind.Detail or PageKind.Logistics
                ? page with { Orders = [page.Orders[0] with { IsSubject = true }] }
                : page;
        }

        return page with { Orders = page.Orders.Select(o => o with { IsSubject = o.OrderId.Value == orderHint }).ToArray() };
    }
}
