using System.Text.Json;
using Microsoft.Playwright;

namespace ReceiptGuard.Testing;

/// <summary>
/// The dialog lives in a closed shadow root: page scripts (and Playwright's selectors) cannot see into it. A user
/// can, and so can the DevTools protocol: find the element there — in the page or in any of its same-origin frames —
/// and press it with a real mouse click.
/// </summary>
public static class ClosedShadow
{
    public const string DialogHost = "receiptguard-dialog";

    public static async Task ClickAsync(IPage page, string innerSelector, string hostTag = DialogHost)
    {
        var (cdp, nodeId) = await FindAsync(page, hostTag, innerSelector);
        await cdp.SendAsync("DOM.scrollIntoViewIfNeeded", new() { ["nodeId"] = nodeId });
        var box = await cdp.SendAsync("DOM.getBoxModel", new() { ["nodeId"] = nodeId });
        var quad = box!.Value.GetProperty("model").GetProperty("content").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var x = (quad[0] + quad[2] + quad[4] + quad[6]) / 4;
        var y = (quad[1] + quad[3] + quad[5] + quad[7]) / 4;
        await cdp.DetachAsync();
        await page.Mouse.ClickAsync((float)x, (float)y);
    }

    /// <summary>Clicks every element the selector matches inside the closed shadow root, in document order.</summary>
    public static async Task<int> ClickAllAsync(IPage page, string innerSelector, string hostTag = DialogHost)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var document = await cdp.SendAsync("DOM.getDocument", new() { ["depth"] = -1, ["pierce"] = true });
        var shadowRootId = FindShadowRoot(document!.Value.GetProperty("root"), hostTag)
            ?? throw new InvalidOperationException($"no <{hostTag}> with a shadow root on the page or in its frames");
        var all = await cdp.SendAsync("DOM.querySelectorAll", new() { ["nodeId"] = shadowRootId, ["selector"] = innerSelector });
        var nodes = all!.Value.GetProperty("nodeIds").EnumerateArray().Select(n => n.GetInt32()).ToArray();
        foreach (var node in nodes)
        {
            // One at a time, each scrolled into view first: a long dialog scrolls.
            await cdp.SendAsync("DOM.scrollIntoViewIfNeeded", new() { ["nodeId"] = node });
            var box = await cdp.SendAsync("DOM.getBoxModel", new() { ["nodeId"] = node });
            var quad = box!.Value.GetProperty("model").GetProperty("content").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            await page.Mouse.ClickAsync((float)((quad[0] + quad[2] + quad[4] + quad[6]) / 4), (float)((quad[1] + quad[3] + quad[5] + quad[7]) / 4));
        }

        await cdp.DetachAsync();
        return nodes.Length;
    }

    /// <summary>The element's box (x, y, width, height) in the page's viewport.</summary>
    public static async Task<(double X, double Y, double Width, double Height)> BoxAsync(IPage page, string innerSelector, string hostTag = DialogHost)
    {
        var (cdp, nodeId) = await FindAsync(page, hostTag, innerSelector);
        var box = await cdp.SendAsync("DOM.getBoxModel", new() { ["nodeId"] = nodeId });
        await cdp.DetachAsync();
        var model = box!.Value.GetProperty("model");
        var quad = model.GetProperty("border").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return (quad[0], quad[1], model.GetProperty("width").GetDouble(), model.GetProperty("height").GetDouble());
    }

    public static async Task<string> OuterHtmlAsync(IPage page, string innerSelector, string hostTag = DialogHost)
    {
        var (cdp, nodeId) = await FindAsync(page, hostTag, innerSelector);
        var html = await cdp.SendAsync("DOM.getOuterHTML", new() { ["nodeId"] = nodeId });
        await cdp.DetachAsync();
        return html!.Value.GetProperty("outerHTML").GetString()!;
    }

    private static async Task<(ICDPSession Cdp, int NodeId)> FindAsync(IPage page, string hostTag, string innerSelector)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var document = await cdp.SendAsync("DOM.getDocument", new() { ["depth"] = -1, ["pierce"] = true });
        var shadowRootId = FindShadowRoot(document!.Value.GetProperty("root"), hostTag)
            ?? throw new InvalidOperationException($"no <{hostTag}> with a shadow root on the page or in its frames");
        var inner = await cdp.SendAsync("DOM.querySelector", new() { ["nodeId"] = shadowRootId, ["selector"] = innerSelector });
        var innerId = inner!.Value.GetProperty("nodeId").GetInt32();
        return innerId == 0 ? throw new InvalidOperationException($"no {innerSelector} inside <{hostTag}>") : (cdp, innerId);
    }

    private static int? FindShadowRoot(JsonElement node, string hostTag)
    {
        if (node.TryGetProperty("localName", out var name) && name.GetString() == hostTag
            && node.TryGetProperty("shadowRoots", out var roots) && roots.GetArrayLength() > 0)
        {
            return roots[0].GetProperty("nodeId").GetInt32();
        }

        foreach (var property in new[] { "children", "shadowRoots", "contentDocument" })
        {
            if (!node.TryGetProperty(property, out var next))
            {
                continue;
            }

            var children = next.ValueKind == JsonValueKind.Array ? next.EnumerateArray().ToArray() : [next];
            foreach (var child in children)
            {
                if (FindShadowRoot(child, hostTag) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
