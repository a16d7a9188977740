using System.Text.Json;
using Microsoft.Playwright;

namespace ReceiptGuard.Bench;

/// <summary>
/// A JavaScript world of its own in a page's main frame (DevTools' Page.createIsolatedWorld): the same DOM, separate
/// globals, no extension APIs. It is where an extension's content scripts run, so both capture engines run there.
/// </summary>
public sealed class IsolatedWorld
{
    private readonly ICDPSession _cdp;
    private readonly int _contextId;

    private IsolatedWorld(ICDPSession cdp, int contextId)
    {
        _cdp = cdp;
        _contextId = contextId;
    }

    public static async Task<IsolatedWorld> CreateAsync(IPage page, string name)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var tree = await cdp.SendAsync("Page.getFrameTree");
        var frameId = tree!.Value.GetProperty("frameTree").GetProperty("frame").GetProperty("id").GetString()!;
        var world = await cdp.SendAsync("Page.createIsolatedWorld", new() { ["frameId"] = frameId, ["worldName"] = name });
        return new IsolatedWorld(cdp, world!.Value.GetProperty("executionContextId").GetInt32());
    }

    /// <summary>Evaluates an expression (awaiting a promise) and returns its value as JSON; a thrown error becomes an exception here.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var answer = await _cdp.SendAsync("Runtime.evaluate", new()
        {
            ["expression"] = expression,
            ["contextId"] = _contextId,
            ["awaitPromise"] = true,
            ["returnByValue"] = true,
        });
        var value = answer!.Value;
        if (value.TryGetProperty("exceptionDetails", out var error))
        {
            var description = error.TryGetProperty("exception", out var exception) && exception.TryGetProperty("description", out var text) ? text.GetString() : error.GetProperty("text").GetString();
            throw new InvalidOperationException($"script failed in the isolated world: {description}");
        }

        var result = value.GetProperty("result");
        return result.TryGetProperty("value", out var returned) ? returned.Clone() : default;
    }
}
