using AngleSharp.Dom;

namespace ReceiptGuard.Host.Parsing;

/// <summary><see cref="INode.TextContent"/> without AngleSharp's pooled (locked) builder when it is one text node.</summary>
public static class NodeText
{
    /// <summary>The same string as <see cref="INode.TextContent"/>: an element's descendant text nodes, concatenated.</summary>
    public static string AllText(this INode node)
    {
        if (node is IElement element)
        {
            var children = element.ChildNodes;
            if (children.Length == 0)
            {
                return "";
            }

            if (children.Length == 1 && children[0] is IText only)
            {
                return only.Data;
            }
        }

        return node.TextContent;
    }
}
