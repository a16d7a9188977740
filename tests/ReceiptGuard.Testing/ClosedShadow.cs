using System.Text.Json;
using Microsoft.Playwright;

namespace ReceiptGuard.E2E.Infrastructure;

/// <summary>
/// The dialog lives in a closed shadow root: page scripts (and Playwright's selectors) cannot see into it. A user
/// can, and so can the DevTools protocol: find the element there and press it with a real mouse click.
/// </summary>
public static class ClosedShadow
{
    public static async Task ClickAsync(IPage page, string hostSelector, string innerSelector)
    {
        var (cdp, nodeId) = await FindAsync(page, hostSelector, innerSelector);
        var box = await cdp.SendAsync("DOM.getBoxModel", new() { ["nodeId"] = nodeId });
        var quad = box!.Value.GetProperty("model").GetProperty("content").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var x = (quad[0] + quad[2] + quad[4] + quad[6]) / 4;
        var y = (quad[1] + quad[3] + quad[5] + quad[7]) / 4;
        await cdp.DetachAsync();
        await page.Mouse.ClickAsync((float)x, (float)y);
    }

    public static async Task<string> OuterHtmlAsync(IPage page, string hostSelector, string innerSelector)
    {
        var (cdp, nodeId) = await FindAsync(page, hostSelector, innerSelector);
        var html = await cdp.SendAsync("DOM.getOuterHTML", new() { ["nodeId"] = nodeId });
        await cdp.DetachAsync();
        return html!.Value.GetProperty("outerHTML").GetString()!;
    }

    private static async Task<(ICDPSession Cdp, int NodeId)> FindAsync(IPage page, string hostSelector, string innerSelector)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var document = await cdp.SendAsync("DOM.getDocument", new() { ["depth"] = -1, ["pierce"] = true });
        var root = document!.Value.GetProperty("root");
        var host = await cdp.SendAsync("DOM.querySelector", new() { ["nodeId"] = root.GetProperty("nodeId").GetInt32(), ["selector"] = hostSelector });
        var hostId = host!.Value.GetProperty("nodeId").GetInt32();
        if (hostId == 0)
        {
            throw new InvalidOperationException($"no element matches {hostSelector}");
        }

        var shadowRootId = FindShadowRoot(root, hostId)
            ?? throw new InvalidOperationException($"{hostSelector} has no shadow root");
        var inner = await cdp.SendAsync("DOM.querySelector", new() { ["nodeId"] = shadowRootId, ["selector"] = innerSelector });
        var innerId = inner!.Value.GetProperty("nodeId").GetInt32();
        return innerId == 0 ? throw new InvalidOperationException($"no {innerSelector} inside {hostSelector}") : (cdp, innerId);
    }

    private static int? FindShadowRoot(JsonElement node, int hostId)
    {
        if (node.GetProperty("nodeId").GetInt32() == hostId && node.TryGetProperty("shadowRoots", out var roots) && roots.GetArrayLength() > 0)
        {
            return roots[0].GetProperty("nodeId").GetInt32();
        }

        foreach (var name in new[] { "children", "shadowRoots" })
        {
            if (node.TryGetProperty(name, out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    if (FindShadowRoot(child, hostId) is { } found)
                    {
                        return found;
                    }
                }
            }
        }

        return null;
    }
}
