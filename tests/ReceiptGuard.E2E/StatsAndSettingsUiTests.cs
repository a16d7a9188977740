using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.E2E.Pages;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>
/// A host holding a fixed, realistic history: seven orders from four platforms over three months, guarded clicks
/// confirmed and cancelled and pages saved by hand, each with a screenshot of the page as Chromium draws it. The tests
/// here only read it (the settings test puts back what it saves), so its figures are known exactly.
/// </summary>
public sealed class ShowcaseFixture : IAsyncLifetime
{
    /// <summary>Held, then saved by hand, then confirmed: its timeline has a status change.</summary>
    public const string TaobaoOrder = ShopPages.TaobaoOrderId;

    public ReviewUi Ui { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Ui = await ReviewUi.StartAsync(HostProcess.FreePort());
        CapturedPage[] history =
        [
            ShopPages.TaobaoDetail("3390112233445566778") with { Decision = "confirmed", CapturedAt = At("2026-09-16T11:20:00Z") },
            ShopPages.Fixture("tmall", "detail-presale.html", "订单详情 - 天猫", "https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=2856041973380123456", "2856041973380123456")
                with { Decision = "confirmed", CapturedAt = At("2026-10-09T02:45:00Z") },
            ShopPages.Fixture("jd", "detail-presale.html", "订单详情 - 京东", "https://details.jd.com/normal/item.action?orderid=285530019876&PassKey=C0FFEE1234567890", "285530019876")
                with { Decision = "cancelled", CapturedAt = At("2026-10-28T13:05:00Z") },
            ShopPages.Fixture("tmall", "detail-refund.html", "订单详情 - 天猫", "https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=4023456789012345678", "4023456789012345678")
                with { Capture = "manual", CapturedAt = At("2026-11-12T08:30:00Z") },
            ShopPages.JdDetail(ShopPages.JdOrderId) with { Decision = "confirmed", CapturedAt = At("2026-11-19T07:45:00Z") },
            ShopPages.TaobaoDetail(TaobaoOrder) with { Decision = "cancelled", CapturedAt = At("2026-11-23T06:03:00Z") },
            ShopPages.Fixture("pinduoduo", "order-detail.html", "订单详情", "https://mobile.yangkeduo.com/order.html?order_sn=261118-402815736290147", "261118-402815736290147")
                with { Decision = "cancelled", CapturedAt = At("2026-11-24T10:12:00Z") },
            ShopPages.Fixture("taobao", "logistics-signed.html", "物流详情", $"https://wuliu.taobao.com/user/order_detail_new.htm?trade_id={TaobaoOrder}", TaobaoOrder)
                with { Capture = "manual", CapturedAt = At("2026-11-25T14:20:00Z") },
            ShopPages.TaobaoDetail(TaobaoOrder, "已签收") with { Decision = "confirmed", CapturedAt = At("2026-11-26T09:30:00Z") },
        ];

        var ids = new List<string>();
        var painter = await Ui.Browser.Context.NewPageAsync();
        await painter.SetViewportSizeAsync(1280, 800);
        foreach (var page in history)
        {
            ids.Add(await Ui.StoreAsync(page with { Screenshot = await ScreenshotOfAsync(painter, page.Html) }));
        }

        await painter.CloseAsync();
        await Ui.WaitUntilParsedAsync([.. ids]);
    }

    public async Task DisposeAsync() => await Ui.DisposeAsync();

    private static DateTimeOffset At(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);

    /// <summary>What the extension would have sent: the tab as drawn, a JPEG data URL.</summary>
    private static async Task<string> ScreenshotOfAsync(IPage painter, string html)
    {
        await painter.SetContentAsync(html);
        var jpeg = await painter.ScreenshotAsync(new() { Type = ScreenshotType.Jpeg, Quality = 70 });
        return "data:image/jpeg;base64," + Convert.ToBase64String(jpeg);
    }
}

/// <summary>
/// The stats and settings pages through their page objects, and the README's pictures of the orders, order, guide,
/// stats and settings pages (artifacts/screenshots/, copied by hand to docs/screenshots/).
/// </summary>
[Collection(ReviewUiPagesGroup.Name)]
public sealed class StatsAndSettingsUiTests(ShowcaseFixture fixture) : IClassFixture<ShowcaseFixture>
{
    private ReviewUi Ui => fixture.Ui;

    [Fact]
    public async Task Stats_page_shows_the_totals_a_month_chart_and_the_platforms()
    {
        var stats = new StatsPage(await Ui.Browser.Context.NewPageAsync(), Ui.Host.BaseAddress);

        await stats.GotoAsync();

        // Seven held clicks (four confirmed, three cancelled); the two pages saved by hand are counted apart.
        await Expect(stats.Held).ToHaveTextAsync("7");
        await Expect(stats.Confirmed).ToHaveTextAsync("4");
        await Expect(stats.Cancelled).ToHaveTextAsync("3");
        await Expect(stats.Manual).ToHaveTextAsync("2");
        await Expect(stats.Empty).ToBeHiddenAsync();
        await Expect(stats.Chart).ToBeVisibleAsync();
        await Expect(stats.Chart).ToHaveAttributeAsync("aria-label", new Regex("4 confirmed, 3 cancelled"));
        await Expect(stats.MonthRows).ToHaveCountAsync(3);
        await Expect(stats.MonthRow("2026-11").Locator("th")).ToHaveTextAsync("November 2026");
        // Held, confirmed, cancelled, by hand ("other" is hidden: no snapshot has another decision).
        await Expect(stats.MonthRow("2026-11").Locator("td:visible")).ToHaveTextAsync(["4", "2", "2", "2"]);
        await Expect(stats.MonthRow("2026-10").Locator("td:visible")).ToHaveTextAsync(["2", "1", "1", "0"]);
        await Expect(stats.MonthRow("2026-09").Locator("td:visible")).ToHaveTextAsync(["1", "1", "0", "0"]);
        await Expect(stats.PlatformRows).ToHaveCountAsync(4);
        await Expect(stats.PlatformRows.First).ToHaveAttributeAsync("data-platform", "taobao");
        await Expect(stats.PlatformRow("taobao").Locator("th")).ToHaveTextAsync("Taobao");
        await Expect(stats.PlatformRow("taobao").Locator("td:visible")).ToHaveTextAsync(["3", "2", "1", "1"]);
        await Expect(stats.PlatformRow("jd").Locator("td:visible")).ToHaveTextAsync(["2", "1", "1", "0"]);
        await stats.Page.CloseAsync();
    }

    [Fact]
    public async Task Settings_page_shows_the_host_data_folder_and_saves_a_30_day_retention_that_deletes_nothing()
    {
        var settings = new SettingsPage(await Ui.Browser.Context.NewPageAsync(), Ui.Host.BaseAddress);
        await settings.GotoAsync();

        await Expect(settings.DataValue("Folder")).ToHaveTextAsync(Path.GetFullPath(Ui.DataDirectory));
        await Expect(settings.DataValue("Snapshots stored")).ToHaveTextAsync("9");
        await Expect(settings.KeepForever).ToBeCheckedAsync();
        try
        {
            // Every snapshot was received just now (whatever its capture time), so 30 days deletes none: no question.
            await settings.KeepSnapshotsForAsync(30);

            await Expect(settings.RetentionStatus).ToHaveTextAsync("Saved.");
            await Expect(settings.RetentionPreview).ToHaveTextAsync("With this limit nothing would be deleted now.");
            await Expect(settings.RetentionDialog).ToBeHiddenAsync();
            await Expect(settings.RetentionError).ToBeHiddenAsync();
            var retention = (await Ui.Api.GetFromJsonAsync<JsonObject>("/api/evidence/retention"))!;
            Assert.Equal(30, retention["days"]!.GetValue<int>());
            var stored = (await Ui.Api.GetFromJsonAsync<JsonObject>("/api/snapshots?limit=1"))!;
            Assert.Equal(9, stored["total"]!.GetValue<int>());
            await Expect(settings.DataValue("Snapshots stored")).ToHaveTextAsync("9");

            await settings.Page.ReloadAsync();
            await Expect(settings.KeepForDays).ToBeCheckedAsync();
            await Expect(settings.RetentionDays).ToHaveValueAsync("30");
        }
        finally
        {
            // The other tests here read the same store: back to "forever".
            using var reset = await Ui.Api.PutAsJsonAsync("/api/evidence/retention", new { days = (int?)null });
            reset.EnsureSuccessStatusCode();
        }

        await settings.Page.CloseAsync();
    }

    /// <summary>The README's pictures: 1280 px wide, English, the top 1600 px of each page (all of the order's).</summary>
    [Fact]
    public async Task Screenshots_of_the_orders_order_guide_stats_and_settings_pages()
    {
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Artifacts, "screenshots")).FullName;
        var page = await Ui.Browser.Context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);

        var orders = new OrdersPage(page, Ui.Host.BaseAddress);
        await orders.GotoAsync();
        await Expect(orders.Rows).ToHaveCountAsync(7);
        await Expect(orders.RowStatus(ShowcaseFixture.TaobaoOrder)).ToContainTextAsync("delivered");
        await SaveAsync(page, folder, "ui-orders.png");

        var order = await orders.OpenAsync(ShowcaseFixture.TaobaoOrder);
        await Expect(order.Entries).ToHaveCountAsync(3);
        await Expect(order.Page.Locator("#timeline [data-check=ok]")).ToHaveCountAsync(3, new() { Timeout = 15_000 });
        await Expect(order.ChangedEntries).ToHaveCountAsync(1);
        // The whole page: the timeline at its foot is what the page is for.
        await SaveAsync(page, folder, "ui-order.png", maxHeight: 3000);

        await order.GuideLink.ClickAsync();
        var guide = new GuidePage(page);
        await guide.WaitUntilFilledAsync(ShowcaseFixture.TaobaoOrder);
        await SaveAsync(page, folder, "ui-guide.png");

        var stats = new StatsPage(page, Ui.Host.BaseAddress);
        await stats.GotoAsync();
        await Expect(stats.Chart).ToBeVisibleAsync();
        await SaveAsync(page, folder, "ui-stats.png");

        var settings = new SettingsPage(page, Ui.Host.BaseAddress);
        await settings.GotoAsync();
        await Expect(settings.RetentionPreview).Not.ToBeEmptyAsync();
        await SaveAsync(page, folder, "ui-settings.png");
        await page.CloseAsync();
    }

    /// <summary>
    /// The top of the page, at most <paramref name="maxHeight"/> px, once its images have loaded. The window is made as
    /// tall as the picture, so lazy thumbnails in it load and a short page has no empty band below.
    /// </summary>
    private static async Task SaveAsync(IPage page, string folder, string name, int maxHeight = 1600)
    {
        await page.SetViewportSizeAsync(1280, 400);
        var height = Math.Min(maxHeight, await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight"));
        await page.SetViewportSizeAsync(1280, height);
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)");
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path });
        // Small enough for the README.
        var size = new FileInfo(path).Length;
        Assert.True(size is > 10_000 and < 300_000, $"{name} is {size} bytes");
    }
}
