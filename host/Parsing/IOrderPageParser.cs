using AngleSharp.Dom;

namespace ReceiptGuard.Host.Parsing;

/// <summary>A script element's text that the page carried as data (from the snapshot's embeddedData, or the page itself).</summary>
public sealed record EmbeddedScript(string Type, string Text);

/// <summary>What a parser is given: the page, parsed once, and what came with it.</summary>
public sealed record PageInput(Uri Url, IDocument Document, IReadOnlyList<EmbeddedScript> Embedded);

/// <summary>
/// One platform's parser. Implementations are found by reflection (<see cref="ParserRegistry"/>), so adding one is adding
/// a class. They must never throw on odd pages (return what was found, with <see cref="ParsedPage.Notes"/>), and must
/// never return an order id that is not in the page.
/// </summary>
public interface IOrderPageParser
{
    /// <summary>Platform id, as the extension names it.</summary>
    string Platform { get; }

    /// <summary>Whether this page is this platform's, by host name and, where hosts are shared, by page signature.</summary>
    bool CanParse(PageInput page);

    ParsedPage Parse(PageInput page);
}
