using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E.Pages;

/// <summary>The review UI's snapshots list ("/"): search, the table, the live indicator and the evidence store panel.</summary>
public sealed class SnapshotsPage(IPage page, Uri host)
{
    public IPage Page { get; } = page;

    public ILocator Rows => Page.Locator("#snapshots tbody tr");

    public ILocator SearchStatus => Page.Locator("#search-status");

    public ILocator VerifyStatus => Page.Locator("#verify-status");

    public async Task GotoAsync()
    {
        await Page.GotoAsync(new Uri(host, "/").ToString());
        await WaitUntilLiveAsync();
    }

    /// <summary>Waits for the hub connection, so a push sent after this is seen.</summary>
    public Task WaitUntilLiveAsync() => Expect(Page.Locator("#live")).ToHaveAttributeAsync("data-state", "connected");

    public ILocator Row(string snapshotId) => Page.Locator($"#snapshots tbody tr[data-id=\"{snapshotId}\"]");

    public async Task SearchAsync(string query)
    {
        await Page.GetByLabel("Search snapshots").FillAsync(query);
        await Page.Locator("#search-form button[type=submit]").ClickAsync();
        await Expect(SearchStatus).Not.ToBeEmptyAsync();
    }

    public Task ClearSearchAsync() => Page.Locator("#search-clear").ClickAsync();

    /// <summary>Follows the snapshot's title link to its page.</summary>
    public async Task<SnapshotPage> OpenAsync(string snapshotId)
    {
        await Row(snapshotId).GetByRole(AriaRole.Link).ClickAsync();
        await Page.WaitForURLAsync($"**/snapshots/{snapshotId}");
        var opened = new SnapshotPage(Page, snapshotId);
        await opened.WaitUntilLoadedAsync();
        return opened;
    }

    /// <summary>Runs the whole-store check from the panel and returns its status line once it has an answer.</summary>
    public async Task<string> CheckStoreAsync()
    {
        await Page.Locator("#verify").ClickAsync();
        await Expect(VerifyStatus).ToHaveClassAsync("ok", new() { Timeout = 30_000 });
        return await VerifyStatus.InnerTextAsync();
    }
}
