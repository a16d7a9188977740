using AngleSharp.Dom;

namespace ReceiptGuard.Host.Parsing.Generic;

/// <summary>
/// Splits a page into one element per order: each element that carries an order-id label is widened to its largest
/// ancestor that still carries no other such label. A detail page's only label widens to the whole body.
/// </summary>
public static class OrderContainers
{
    /// <summary>Past this many labels the page is not an order list we can split cheaply; the first ones are used.</summary>
    private const int MaxLabels = 500;

    public static IReadOnlyList<IElement> Find(IElement root)
    {
        var labelled = root.Descendants<IText>()
            .Where(t => OrderLabels.OrderIdLabel().IsMatch(t.Data) && t.ParentElement is { } parent && !IsSkipped(parent))
            .Select(t => t.ParentElement!)
            .Distinct()
            .Take(MaxLabels)
            .ToArray();

        // How many labels each element holds (itself included): one walk up per label, not a scan of all labels per step.
        var labelsWithin = new Dictionary<IElement, int>();
        foreach (var label in labelled)
        {
            for (var element = label; element is not null; element = element.ParentElement)
            {
                labelsWithin[element] = labelsWithin.GetValueOrDefault(element) + 1;
            }
        }

        var containers = new List<IElement>();
        foreach (var label in labelled)
        {
            var container = label;
            while (container.ParentElement is { } parent && parent != root.ParentElement && labelsWithin[parent] == 1)
            {
                container = parent;
            }

            if (!containers.Contains(container))
            {
                containers.Add(container);
            }
        }

        return containers;
    }

    private static bool IsSkipped(IElement element) =>
        element.ClosestMatch("script, style, template, noscript, select, textarea, title, head") is not null;
}
