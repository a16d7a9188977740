using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E.Pages;

/// <summary>One snapshot's page ("/snapshots/{id}"): its metadata, the framed capture, notes and export links.</summary>
public sealed class SnapshotPage(IPage page, string snapshotId)
{
    public IPage Page { get; } = page;

    public string SnapshotId { get; } = snapshotId;

    public ILocator Title => Page.Locator("h1#title");

    public ILocator Meta => Page.Locator("#meta");

    public ILocator Notes => Page.Locator("#notes li");

    public ILocator CapturedFrame => Page.Locator("iframe#page");

    /// <summary>The captured page's document, read through the browser's debugging protocol (its own scripts are off).</summary>
    public IFrameLocator Captured => Page.FrameLocator("iframe#page");

    /// <summary>The viewer's tabs: "Page as captured", "HTML source", "Data read from it (JSON)".</summary>
    public ILocator PageTab => Page.Locator("#viewer-tabs #tab-page");

    public ILocator SourceTab => Page.Locator("#viewer-tabs #tab-source");

    public ILocator DataTab => Page.Locator("#viewer-tabs #tab-data");

    public ILocator PagePanel => Page.Locator("#panel-page");

    public ILocator SourcePanel => Page.Locator("#panel-source");

    public ILocator DataPanel => Page.Locator("#panel-data");

    /// <summary>The stored HTML, as text.</summary>
    public ILocator Source => Page.Locator("pre#source");

    /// <summary>The parse result, as JSON text.</summary>
    public ILocator Data => Page.Locator("pre#data");

    public ILocator SourceStatus => Page.Locator("#source-status");

    public static async Task<SnapshotPage> GotoAsync(IPage page, Uri host, string snapshotId)
    {
        await page.GotoAsync(new Uri(host, $"/snapshots/{snapshotId}").ToString());
        var opened = new SnapshotPage(page, snapshotId);
        await opened.WaitUntilLoadedAsync();
        return opened;
    }

    /// <summary>Loaded once the evidence record (notes, exports) is shown and the captured page framed.</summary>
    public async Task WaitUntilLoadedAsync()
    {
        await Expect(Page.Locator("#evidence-section")).ToBeVisibleAsync();
        await Expect(CapturedFrame).ToHaveAttributeAsync("src", $"/api/snapshots/{SnapshotId}/html");
        await Expect(Page.Locator("#live")).ToHaveAttributeAsync("data-state", "connected");
    }

    public async Task AddNoteAsync(string text)
    {
        await Page.GetByLabel("Add a note", new() { Exact = false }).FillAsync(text);
        await Page.Locator("#note-form button[type=submit]").ClickAsync();
        await Expect(Page.Locator("#note-status")).Not.ToBeEmptyAsync();
    }

    /// <summary>Clicks this snapshot's "Export ZIP" link and saves the download to <paramref name="path"/>.</summary>
    public async Task<string> DownloadZipAsync(string path)
    {
        var link = Page.Locator($"#exports a[data-format=zip][href*=\"snapshot={SnapshotId}\"]");
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        await download.SaveAsAsync(path);
        return download.SuggestedFilename;
    }
}
