using System.IO.Compression;
using Microsoft.Playwright;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.E2E.Pages;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>The real host process and a plain Chromium, shared by the review UI tests.</summary>
public sealed class ReviewUiFixture : IAsyncLifetime
{
    public ReviewUi Ui { get; private set; } = null!;

    /// <summary>Every name but the host's goes to a port where nothing listens.</summary>
    public async Task InitializeAsync() => Ui = await ReviewUi.StartAsync(HostProcess.FreePort());

    public async Task DisposeAsync() => await Ui.DisposeAsync();
}

/// <summary>
/// The review UI in the real browser through its page objects: search by order id and by a Chinese word, opening a
/// snapshot, a live update, notes, the ZIP export checked by the host's own <c>verify</c>, and the store check.
/// </summary>
public sealed class ReviewUiTests(ReviewUiFixture fixture) : IClassFixture<ReviewUiFixture>
{
    private ReviewUi Ui => fixture.Ui;

    private static string OrderPage(string order, string item, string status) => $"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>订单详情 {order}</title>
        <style>body{"{"}font-family:sans-serif;margin:24px{"}"} .status{"{"}color:#c40{"}"}</style></head>
        <body><h1>订单详情</h1><p>订单号：{order}</p><p>商品：{item}</p><p class="status">{status}</p>
        <p>实付款：¥199.00</p><button>确认收货</button></body></html>
        """;

    [Fact]
    public async Task ReviewUi_search_finds_a_snapshot_by_order_id_and_by_a_chinese_word()
    {
        var wanted = await Ui.StoreAsync(OrderPage("3399000000000000101", "降噪蓝牙耳机", "卖家已发货"), "订单详情 蓝牙耳机", "3399000000000000101");
        var other = await Ui.StoreAsync(OrderPage("3399000000000000102", "数据线", "交易成功"), "订单详情 数据线", "3399000000000000102");
        var list = await NewListAsync();

        await list.SearchAsync("3399000000000000101");
        await Expect(list.Row(wanted)).ToBeVisibleAsync();
        await Expect(list.Row(other)).ToHaveCountAsync(0);

        await list.SearchAsync("蓝牙耳机");
        await Expect(list.Row(wanted)).ToBeVisibleAsync();
        await Expect(list.Row(other)).ToHaveCountAsync(0);

        await list.ClearSearchAsync();
        await Expect(list.Row(other)).ToBeVisibleAsync();
        await list.Page.CloseAsync();
    }

    [Fact]
    public async Task ReviewUi_opens_a_snapshot_from_the_list_and_keeps_a_note()
    {
        var id = await Ui.StoreAsync(OrderPage("3399000000000000201", "手机壳", "运输中"), "订单详情 手机壳", "3399000000000000201");
        var list = await NewListAsync();
        var snapshot = await list.OpenAsync(id);

        await Expect(snapshot.Title).ToHaveTextAsync("订单详情 手机壳");
        await Expect(snapshot.Meta).ToContainTextAsync("3399000000000000201");
        await Expect(snapshot.Captured.Locator("p.status")).ToHaveTextAsync("运输中");
        await snapshot.AddNoteAsync("已联系卖家，等待回复 (contacted the seller)");
        await Expect(snapshot.Notes).ToHaveCountAsync(1);
        await Expect(snapshot.Notes.First).ToContainTextAsync("已联系卖家，等待回复 (contacted the seller)");

        // The note is the host's, not the page's: it is there after a reload.
        await snapshot.Page.ReloadAsync();
        await snapshot.WaitUntilLoadedAsync();
        await Expect(snapshot.Notes.First).ToContainTextAsync("已联系卖家，等待回复");
        await snapshot.Page.CloseAsync();
    }

    [Fact]
    public async Task ReviewUi_shows_a_snapshot_posted_while_the_list_is_open_without_a_reload()
    {
        var list = await NewListAsync();
        await list.Page.EvaluateAsync("() => { window.sameDocument = true; }");

        var id = await Ui.StoreAsync(OrderPage("3399000000000000301", "保温杯", "已签收"), "订单详情 保温杯", "3399000000000000301");

        await Expect(list.Row(id)).ToBeVisibleAsync();
        await Expect(list.Row(id)).ToContainTextAsync("3399000000000000301");
        Assert.True(await list.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await list.Page.CloseAsync();
    }

    [Fact]
    public async Task ReviewUi_exports_a_zip_that_the_host_verifies()
    {
        var id = await Ui.StoreAsync(OrderPage("3399000000000000401", "键盘", "已签收"), "订单详情 键盘", "3399000000000000401");
        var page = await Ui.Browser.Context.NewPageAsync();
        var snapshot = await SnapshotPage.GotoAsync(page, Ui.Host.BaseAddress, id);
        var folder = RepositoryPaths.NewTempDirectory("ui-export");
        var path = Path.Combine(folder, "bundle.zip");

        var suggested = await snapshot.DownloadZipAsync(path);

        Assert.EndsWith(".zip", suggested, StringComparison.Ordinal);
        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "bundle.json");
        }

        var (exitCode, printed) = await HostCli.RunAsync("verify", path);
        Assert.True(exitCode == 0, $"verify exited with {exitCode}:\n{printed}");

        // Tampering with the downloaded file is caught the same way, so the check above means something.
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var html = zip.Entries.First(e => e.FullName.EndsWith(".html", StringComparison.Ordinal));
            var name = html.FullName;
            html.Delete();
            await using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            await writer.WriteAsync("<p>edited</p>");
        }

        var (tamperedExit, _) = await HostCli.RunAsync("verify", path);
        Assert.Equal(1, tamperedExit);
        await page.CloseAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ReviewUi_store_check_button_reports_ok()
    {
        await Ui.StoreAsync(OrderPage("3399000000000000501", "台灯", "卖家已发货"), "订单详情 台灯", "3399000000000000501");
        var list = await NewListAsync();

        var status = await list.CheckStoreAsync();

        Assert.StartsWith("OK", status, StringComparison.Ordinal);
        await list.Page.CloseAsync();
    }

    /// <summary>The list and a snapshot page as pictures for the README (artifacts/screenshots/).</summary>
    [Fact]
    public async Task ReviewUi_screenshots_of_the_list_and_a_snapshot_page()
    {
        var id = await Ui.StoreAsync(OrderPage("3312345678901234567", "无线充电器", "卖家已发货"), "订单详情 无线充电器", "3312345678901234567");
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Artifacts, "screenshots")).FullName;
        var list = await NewListAsync();
        await list.Page.SetViewportSizeAsync(1280, 900);
        await Expect(list.Row(id)).ToBeVisibleAsync();
        await list.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "ui-snapshots.png") });

        var snapshot = await list.OpenAsync(id);
        await Expect(snapshot.Page.Locator("#parsed-status")).Not.ToBeEmptyAsync();
        await Expect(snapshot.Captured.Locator("h1")).ToHaveTextAsync("订单详情");
        await snapshot.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "ui-snapshot.png"), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(folder, "ui-snapshot.png")).Length > 10_000);
        await snapshot.Page.CloseAsync();
    }

    private async Task<SnapshotsPage> NewListAsync()
    {
        var list = new SnapshotsPage(await Ui.Browser.Context.NewPageAsync(), Ui.Host.BaseAddress);
        await list.GotoAsync();
        return list;
    }
}
