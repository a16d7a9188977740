using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ReceiptGuard.Host.Parsing.Text;

namespace ReceiptGuard.Host.Parsing.Generic;

/// <summary>
/// An element's text as lines, one per text node, whitespace collapsed: so a label and the value in the next element
/// ("订单号：" + "&lt;a&gt;4123…&lt;/a&gt;") stay readable as "订单号：\n4123…" and values never glue together.
/// Skips what a reader does not see as text (scripts, styles, templates, form fields' option lists).
/// </summary>
public static partial class VisibleText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "noscript", "select", "textarea" };

    public static string Of(INode node)
    {
        var builder = new StringBuilder();
        Append(node, builder);
        return builder.ToString();
    }

    /// <summary>Whitespace collapsed to single spaces, and icon-font glyphs (private-use characters) dropped.</summary>
    public static string Collapse(string text) => Spaces.Collapse(text, dropPrivateUse: true);

    /// <summary>
    /// <see cref="Collapse"/>, and no space between CJK characters either: for comparing a control's words that markup
    /// split ("&lt;span&gt;确认&lt;/span&gt; &lt;span&gt;收货&lt;/span&gt;").
    /// </summary>
    public static string Squash(string text)
    {
        var collapsed = Collapse(text);
        return collapsed.Contains(' ', StringComparison.Ordinal) ? CjkSpace().Replace(collapsed, "") : collapsed;
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    var line = Spaces.Collapse(text.Data);
                    if (line.Length > 0)
                    {
                        builder.Append(line).Append('\n');
                    }

                    break;
                case IElement element when !Skipped.Contains(element.LocalName):
                    Append(element, builder);
                    break;
            }
        }
    }

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}]) (?=[\p{IsCJKUnifiedIdeographs}])")]
    private static partial Regex CjkSpace();
}
