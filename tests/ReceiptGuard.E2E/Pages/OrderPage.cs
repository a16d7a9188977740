using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E.Pages;

/// <summary>
/// One order ("/orders/{id}"): its summary, "What the pages said" (values with source badges), the timeline of its
/// snapshots with the status-change marker and each entry's verification line, and the links to the guide, the
/// report and the exports.
/// </summary>
public sealed class OrderPage(IPage page, string orderId)
{
    public IPage Page { get; } = page;

    public string OrderId { get; } = orderId;

    public ILocator Title => Page.Locator("h1#order-title");

    public ILocator Error => Page.Locator("#error");

    public ILocator Summary => Page.Locator("#order-summary");

    /// <summary>The summary's value next to <paramref name="label"/> ("Shop", "Status now", "Snapshots").</summary>
    public ILocator SummaryValue(string label) => Summary.Locator($"dt:text-is(\"{label}\") + dd");

    public ILocator FieldsHint => Page.Locator("#order-fields-hint");

    public ILocator Fields => Page.Locator("#order-fields");

    /// <summary>A parsed field's value with its source badge ("Shop", "Total paid", "Status").</summary>
    public ILocator Field(string label) => Fields.Locator($"dl.meta > dt:text-is(\"{label}\") + dd");

    /// <summary>Where each value was read: .source-embedded, .source-selector, .source-label.</summary>
    public ILocator SourceBadges => Fields.Locator(".source");

    public ILocator Entries => Page.Locator("#timeline > li.timeline-entry");

    /// <summary>Entries whose page said another status than the entry before.</summary>
    public ILocator ChangedEntries => Page.Locator("#timeline > li.timeline-entry.changed");

    public ILocator Entry(string snapshotId) => Page.Locator($"#timeline > li[data-snapshot=\"{snapshotId}\"]");

    /// <summary>"Status changed: 运输中 (shipped) → 已签收 (delivered)".</summary>
    public ILocator StatusChange(string snapshotId) => Entry(snapshotId).Locator(".status-change");

    public ILocator EntryStatus(string snapshotId) => Entry(snapshotId).Locator(".timeline-status");

    /// <summary>The entry's verification line: data-check is pending, running, ok, problem or failed.</summary>
    public ILocator Check(string snapshotId) => Entry(snapshotId).Locator("[data-check]");

    public ILocator GuideLink => Page.Locator("#order-guide");

    public ILocator ReportLink => Page.Locator("#order-report");

    public ILocator ZipLink => Page.Locator("#order-export-zip");

    public ILocator WaczLink => Page.Locator("#order-export-wacz");

    public static async Task<OrderPage> GotoAsync(IPage page, Uri host, string orderId)
    {
        await page.GotoAsync(new Uri(host, $"/orders/{Uri.EscapeDataString(orderId)}").ToString());
        var opened = new OrderPage(page, orderId);
        await opened.WaitUntilLoadedAsync();
        return opened;
    }

    /// <summary>Loaded once the order is shown and the hub connected (a push sent after this is seen).</summary>
    public async Task WaitUntilLoadedAsync()
    {
        await Expect(Page.Locator("#order-content")).ToBeVisibleAsync();
        await Expect(Page.Locator("#live")).ToHaveAttributeAsync("data-state", "connected");
    }

    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await WaitUntilLoadedAsync();
    }

    /// <summary>Follows the entry's time link to the snapshot viewer.</summary>
    public async Task<SnapshotPage> OpenSnapshotAsync(string snapshotId)
    {
        await Entry(snapshotId).Locator("h3 a").ClickAsync();
        await Page.WaitForURLAsync($"**/snapshots/{snapshotId}");
        var opened = new SnapshotPage(Page, snapshotId);
        await opened.WaitUntilLoadedAsync();
        return opened;
    }

    /// <summary>Clicks "Download all evidence (ZIP)" and saves the download to <paramref name="path"/>.</summary>
    public async Task<string> DownloadZipAsync(string path)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => ZipLink.ClickAsync());
        await download.SaveAsAsync(path);
        return download.SuggestedFilename;
    }
}
