using System.Collections.Concurrent;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace ReceiptGuard.Host.Parsing;

/// <summary>
/// <c>QuerySelector</c>, <c>QuerySelectorAll</c> and <c>Closest</c> with each selector parsed once per process: the string
/// overloads fetch the parser from the document's context and look the selector up in AngleSharp's locked cache on
/// every call, which costs more than the match on the small subtrees the parsers query. For the parsers' constant
/// selectors only (the cache is never trimmed); none uses <c>:scope</c>, the one thing the query's scope changes.
/// </summary>
public static class Selectors
{
    private static readonly ConcurrentDictionary<string, ISelector> Parsed = new(StringComparer.Ordinal);

    public static ISelector Of(string selector) => Parsed.GetOrAdd(selector, static text =>
        new CssSelectorParser().ParseSelector(text) ?? throw new DomException(DomError.Syntax));

    public static IHtmlCollection<IElement> SelectAll(this INode node, string selector) => node.ChildNodes.QuerySelectorAll(Of(selector));

    public static IElement? SelectFirst(this INode node, string selector) => node.ChildNodes.QuerySelector(Of(selector));

    /// <summary>The element itself or its nearest ancestor that matches, as <see cref="IElement.Closest"/>.</summary>
    public static IElement? ClosestMatch(this IElement element, string selector)
    {
        var parsed = Of(selector);
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (parsed.Match(current, element))
            {
                return current;
            }
        }

        return null;
    }
}
