using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.E2E.Pages;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>
/// The classes that each start a host and a Chromium for the orders, stats and settings pages run one after the
/// other: two at once would share two cores with whatever else is running.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReviewUiPagesGroup
{
    public const string Name = "review UI pages";
}

/// <summary>
/// The orders list and an order's page in the real browser, through their page objects, on real Taobao and JD order
/// pages that the host parses: search and filters kept in the address, the timeline with its status change and
/// per-snapshot verification (and a file altered on disk showing as a problem), a live update, the snapshot viewer's
/// tabs, and the order's ZIP checked by the host's own <c>verify</c>. Each test uses order ids of its own, so the
/// shared host's other orders do not matter.
/// </summary>
[Collection(ReviewUiPagesGroup.Name)]
public sealed class OrdersUiTests(ReviewUiFixture fixture) : IClassFixture<ReviewUiFixture>
{
    private ReviewUi Ui => fixture.Ui;

    [Fact]
    public async Task Orders_list_search_and_filters_narrow_the_rows_and_are_kept_in_the_address()
    {
        var taobaoId = ShopPages.NewTaobaoId();
        var jdId = ShopPages.NewJdId();
        var taobao = await Ui.StoreAsync(ShopPages.TaobaoDetail(taobaoId) with { Decision = "confirmed" });
        var jd = await Ui.StoreAsync(ShopPages.JdDetail(jdId) with { Decision = "cancelled" });
        await Ui.WaitUntilParsedAsync(taobao, jd);
        var list = await NewOrdersAsync();
        await Expect(list.Row(taobaoId)).ToContainTextAsync("木作家手工定制店");
        await Expect(list.Row(jdId)).ToContainTextAsync("京东自营");
        await Expect(list.RowPlatform(taobaoId)).ToHaveTextAsync("Taobao");
        await Expect(list.RowPlatform(jdId)).ToHaveTextAsync("JD");

        await list.SearchAsync(taobaoId);
        await Expect(list.Rows).ToHaveCountAsync(1);
        await Expect(list.Row(taobaoId)).ToBeVisibleAsync();
        await Expect(list.Count).ToHaveTextAsync("Orders found: 1");
        await list.ClearAsync();
        await Expect(list.Search).ToHaveValueAsync("");
        await Expect(list.Row(jdId)).ToBeVisibleAsync();

        await list.FilterByPlatformAsync("jd");
        await Expect(list.Page).ToHaveURLAsync(new Regex(@"/orders\?platform=jd$"));
        await Expect(list.Row(taobaoId)).ToHaveCountAsync(0);
        await Expect(list.Row(jdId)).ToBeVisibleAsync();
        // The filter lives in the address, so a reload (or a bookmark) shows the same list.
        await list.ReloadAsync();
        await Expect(list.Platform).ToHaveValueAsync("jd");
        await Expect(list.Row(jdId)).ToBeVisibleAsync();
        await Expect(list.Row(taobaoId)).ToHaveCountAsync(0);
        await list.ClearAsync();
        await Expect(list.Platform).ToHaveValueAsync("");
        await Expect(list.Row(taobaoId)).ToBeVisibleAsync();

        await list.FilterByDecisionAsync("cancelled");
        await Expect(list.Page).ToHaveURLAsync(new Regex(@"/orders\?decision=cancelled$"));
        await Expect(list.Row(taobaoId)).ToHaveCountAsync(0);
        await Expect(list.RowDecision(jdId)).ToHaveTextAsync("Cancelled");
        await list.FilterByDecisionAsync("confirmed");
        await Expect(list.Row(jdId)).ToHaveCountAsync(0);
        await Expect(list.RowDecision(taobaoId)).ToHaveTextAsync("Confirmed");
        await list.ReloadAsync();
        await Expect(list.Decision).ToHaveValueAsync("confirmed");
        await Expect(list.Row(jdId)).ToHaveCountAsync(0);
        await Expect(list.Row(taobaoId)).ToBeVisibleAsync();

        // Both were captured today (UTC): from tomorrow on there is neither.
        await list.FilterFromAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(list.Page).ToHaveURLAsync(new Regex(@"[?&]from=\d{4}-\d{2}-\d{2}"));
        await Expect(list.Row(taobaoId)).ToHaveCountAsync(0);

        await list.ClearAsync();
        await Expect(list.Row(taobaoId)).ToBeVisibleAsync();
        await Expect(list.Row(jdId)).ToBeVisibleAsync();
        await list.Page.CloseAsync();
    }

    [Fact]
    public async Task Order_page_shows_the_fields_a_status_change_and_verified_entries_and_an_altered_file_as_a_problem()
    {
        var orderId = ShopPages.NewTaobaoId();
        var earlier = DateTimeOffset.UtcNow.AddHours(-3);
        var inTransit = await Ui.StoreAsync(ShopPages.TaobaoDetail(orderId, "运输中") with { Decision = "cancelled", CapturedAt = earlier });
        var signed = await Ui.StoreAsync(ShopPages.TaobaoDetail(orderId, "已签收") with { Decision = "confirmed", CapturedAt = earlier.AddHours(2) });
        await Ui.WaitUntilParsedAsync(inTransit, signed);
        var list = await NewOrdersAsync();
        await list.SearchAsync(orderId);

        var order = await list.OpenAsync(orderId);

        await Expect(order.Title).ToContainTextAsync(orderId);
        await Expect(order.SummaryValue("Platform")).ToHaveTextAsync("Taobao");
        await Expect(order.SummaryValue("Shop")).ToHaveTextAsync("木作家手工定制店");
        await Expect(order.SummaryValue("Status now")).ToHaveTextAsync("delivered");
        await Expect(order.SummaryValue("Last decision")).ToHaveTextAsync("Confirmed");
        await Expect(order.SummaryValue("Snapshots")).ToHaveTextAsync("2");
        // "What the pages said": the newest page's values, each with where it was read.
        await Expect(order.Field("Shop")).ToContainTextAsync("木作家手工定制店");
        await Expect(order.Field("Shop").Locator(".source")).ToHaveTextAsync("page data");
        await Expect(order.Field("Status")).ToContainTextAsync("已签收");
        await Expect(order.Fields).ToContainTextAsync("实木书桌");
        Assert.True(await order.SourceBadges.CountAsync() >= 5, "each parsed value has a source badge");

        // Oldest first; the second page said another status, and only it carries the marker.
        await Expect(order.Entries).ToHaveCountAsync(2);
        await Expect(order.Entries.First).ToHaveAttributeAsync("data-snapshot", inTransit);
        await Expect(order.ChangedEntries).ToHaveCountAsync(1);
        await Expect(order.Entry(signed)).ToHaveClassAsync(new Regex(@"\bchanged\b"));
        await Expect(order.StatusChange(signed)).ToHaveTextAsync("Status changed: 运输中 (shipped) → 已签收 (delivered)");
        await Expect(order.StatusChange(inTransit)).ToHaveCountAsync(0);
        await Expect(order.EntryStatus(inTransit)).ToHaveTextAsync("运输中 (shipped)");
        foreach (var id in new[] { inTransit, signed })
        {
            await Expect(order.Check(id)).ToHaveAttributeAsync("data-check", "ok", new() { Timeout = 15_000 });
            await Expect(order.Check(id)).ToHaveTextAsync("Verified");
        }

        await Expect(order.GuideLink).ToHaveAttributeAsync("href", $"/guide?order={orderId}&platform=taobao");
        await Expect(order.ReportLink).ToHaveAttributeAsync("href", $"/report?order={orderId}");
        await Expect(order.ZipLink).ToHaveAttributeAsync("href", $"/api/export?order={orderId}&format=zip");
        await Expect(order.WaczLink).ToHaveAttributeAsync("href", $"/api/export?order={orderId}&format=wacz");

        // Alter the first snapshot's stored page on disk: its entry, and only its entry, no longer verifies.
        var htmlSha256 = (await Ui.Api.GetFromJsonAsync<JsonObject>($"/api/snapshots/{inTransit}"))!["htmlSha256"]!.GetValue<string>();
        var path = Ui.ArtifactPath(htmlSha256);
        var original = await File.ReadAllBytesAsync(path);
        try
        {
            await using (var file = File.Create(path))
            await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                await gzip.WriteAsync(Encoding.UTF8.GetBytes("<html>not what was captured</html>"));
            }

            await order.ReloadAsync();
            await Expect(order.Check(inTransit)).ToHaveAttributeAsync("data-check", "problem", new() { Timeout = 15_000 });
            await Expect(order.Check(inTransit)).ToContainTextAsync("altered");
            await Expect(order.Check(signed)).ToHaveAttributeAsync("data-check", "ok");
        }
        finally
        {
            // The other tests export from this store, and an export refuses an altered store.
            await File.WriteAllBytesAsync(path, original);
        }

        await order.Page.CloseAsync();
    }

    [Fact]
    public async Task Order_page_adds_a_snapshot_posted_while_it_is_open_without_a_reload()
    {
        var orderId = ShopPages.NewTaobaoId();
        var first = await Ui.StoreAsync(ShopPages.TaobaoDetail(orderId, "运输中") with { Decision = "cancelled", CapturedAt = DateTimeOffset.UtcNow.AddHours(-1) });
        await Ui.WaitUntilParsedAsync(first);
        var order = await OrderPage.GotoAsync(await Ui.Browser.Context.NewPageAsync(), Ui.Host.BaseAddress, orderId);
        await Expect(order.Entries).ToHaveCountAsync(1);
        await order.Page.EvaluateAsync("() => { window.sameDocument = true; }");

        var second = await Ui.StoreAsync(ShopPages.TaobaoDetail(orderId, "已签收") with { Decision = "confirmed" });

        await Expect(order.Entry(second)).ToBeVisibleAsync();
        await Expect(order.Entries).ToHaveCountAsync(2);
        await Expect(order.SummaryValue("Snapshots")).ToHaveTextAsync("2");
        // Its parse arrives as a second push: the status change is marked, still in the same document.
        await Expect(order.StatusChange(second)).ToContainTextAsync("已签收", new() { Timeout = 15_000 });
        await Expect(order.Check(second)).ToHaveAttributeAsync("data-check", "ok", new() { Timeout = 15_000 });
        Assert.True(await order.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await order.Page.CloseAsync();
    }

    [Fact]
    public async Task Snapshot_viewer_from_the_timeline_switches_tabs_with_the_keyboard_and_shows_the_source_as_text()
    {
        const string marker = """<b class="rg-marker">RG-SOURCE-MARKER</b>""";
        var orderId = ShopPages.NewTaobaoId();
        var id = await Ui.StoreAsync(ShopPages.TaobaoDetail(orderId, extraBody: marker));
        await Ui.WaitUntilParsedAsync(id);
        var order = await OrderPage.GotoAsync(await Ui.Browser.Context.NewPageAsync(), Ui.Host.BaseAddress, orderId);

        var snapshot = await order.OpenSnapshotAsync(id);

        await Expect(snapshot.PageTab).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(snapshot.Captured.Locator("b.rg-marker")).ToHaveTextAsync("RG-SOURCE-MARKER");
        await snapshot.PageTab.FocusAsync();
        await snapshot.Page.Keyboard.PressAsync("ArrowRight");

        await Expect(snapshot.SourceTab).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(snapshot.SourceTab).ToBeFocusedAsync();
        await Expect(snapshot.PageTab).ToHaveAttributeAsync("tabindex", "-1");
        await Expect(snapshot.SourcePanel).ToBeVisibleAsync();
        await Expect(snapshot.PagePanel).ToBeHiddenAsync();
        await Expect(snapshot.Source).ToContainTextAsync(marker);
        await Expect(snapshot.Source).ToContainTextAsync(orderId);
        await Expect(snapshot.SourceStatus).ToContainTextAsync("SHA-256");
        // The markup is shown as text: no element was made from it in the UI's own document.
        await Expect(snapshot.Page.Locator(".rg-marker")).ToHaveCountAsync(0);
        Assert.Equal(0, await snapshot.Source.EvaluateAsync<int>("pre => pre.childElementCount"));

        await snapshot.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(snapshot.DataTab).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(snapshot.DataPanel).ToBeVisibleAsync();
        await Expect(snapshot.SourcePanel).ToBeHiddenAsync();
        await Expect(snapshot.Data).ToContainTextAsync($"\"value\": \"{orderId}\"");
        await Expect(snapshot.Data).ToContainTextAsync("木作家手工定制店");

        // From the last tab the arrow wraps round to the first.
        await snapshot.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(snapshot.PageTab).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(snapshot.PagePanel).ToBeVisibleAsync();
        await snapshot.Page.CloseAsync();
    }

    [Fact]
    public async Task Order_zip_downloaded_from_the_order_page_verifies_with_the_host_cli()
    {
        var orderId = ShopPages.NewTaobaoId();
        var first = await Ui.StoreAsync(ShopPages.TaobaoDetail(orderId, "运输中") with { Decision = "cancelled", CapturedAt = DateTimeOffset.UtcNow.AddHours(-1) });
        var second = await Ui.StoreAsync(ShopPages.TaobaoDetail(orderId, "已签收") with { Decision = "confirmed" });
        await Ui.WaitUntilParsedAsync(first, second);
        var order = await OrderPage.GotoAsync(await Ui.Browser.Context.NewPageAsync(), Ui.Host.BaseAddress, orderId);
        var folder = RepositoryPaths.NewTempDirectory("ui-order-export");
        var path = Path.Combine(folder, "order.zip");

        var suggested = await order.DownloadZipAsync(path);

        Assert.StartsWith($"receiptguard-{orderId}-", suggested, StringComparison.Ordinal);
        Assert.EndsWith(".zip", suggested, StringComparison.Ordinal);
        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("bundle.json", StringComparison.Ordinal));
            Assert.Contains(zip.Entries, e => e.FullName.Contains($"snapshots/{first}/", StringComparison.Ordinal));
            Assert.Contains(zip.Entries, e => e.FullName.Contains($"snapshots/{second}/", StringComparison.Ordinal));
        }

        var (exitCode, printed) = await HostCli.RunAsync("verify", path);
        Assert.True(exitCode == 0, $"verify exited with {exitCode}:\n{printed}");

        // The same check refuses the file once a page in it is edited, so passing it above means something.
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var html = zip.Entries.First(e => e.FullName.Contains($"snapshots/{first}/", StringComparison.Ordinal) && e.FullName.EndsWith(".html", StringComparison.Ordinal));
            var name = html.FullName;
            html.Delete();
            await using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            await writer.WriteAsync("<p>edited</p>");
        }

        var (tamperedExit, tamperedOutput) = await HostCli.RunAsync("verify", path);
        Assert.True(tamperedExit == 1, $"verify of an edited bundle exited with {tamperedExit}:\n{tamperedOutput}");
        await order.Page.CloseAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<OrdersPage> NewOrdersAsync()
    {
        var list = new OrdersPage(await Ui.Browser.Context.NewPageAsync(), Ui.Host.BaseAddress);
        await list.GotoAsync();
        return list;
    }
}
