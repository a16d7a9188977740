using System.Text.Json;
using Microsoft.Playwright;

namespace ReceiptGuard.Testing;

/// <summary>
/// The extension's service worker, as the browser runs it, seen through the DevTools protocol. Chromium stops an idle
/// MV3 worker after about 30 s (never while a debugger is attached), so tests stop it on purpose to show that nothing
/// depends on it staying alive.
/// </summary>
public static class ExtensionWorker
{
    /// <summary>Whether the extension's worker is running now.</summary>
    public static async Task<bool> IsRunningAsync(IBrowserContext context, string extensionId)
    {
        var page = await context.NewPageAsync();
        try
        {
            return await IsRunningAsync(await context.NewCDPSessionAsync(page), extensionId);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Stops every service worker (ours among them) and waits until the browser reports ours gone.</summary>
    public static async Task StopAsync(IBrowserContext context, string extensionId)
    {
        var page = await context.NewPageAsync();
        try
        {
            var cdp = await context.NewCDPSessionAsync(page);
            if (!await IsRunningAsync(cdp, extensionId))
            {
                throw new InvalidOperationException("the extension's worker is not running");
            }

            await cdp.SendAsync("ServiceWorker.enable");
            await cdp.SendAsync("ServiceWorker.stopAllWorkers");
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (await IsRunningAsync(cdp, extensionId))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("the extension's worker did not stop");
                }

                await Task.Delay(100);
            }
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static async Task<bool> IsRunningAsync(ICDPSession cdp, string extensionId)
    {
        var targets = (await cdp.SendAsync("Target.getTargets"))!.Value.GetProperty("targetInfos");
        return targets.EnumerateArray().Any(t =>
            t.GetProperty("type").GetString() == "service_worker" &&
            t.GetProperty("url").GetString()!.StartsWith($"chrome-extension://{extensionId}/", StringComparison.Ordinal));
    }
}
