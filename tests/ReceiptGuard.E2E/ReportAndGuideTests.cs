using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>The real host with a real Taobao order page stored in it, and Chromium (no extension) opening the review UI.</summary>
public sealed class ReportBrowser : IAsyncLifetime
{
    public const string OrderId = "3421987654321098765";

    private BrowserSession _session = null!;

    public HostProcess Host { get; private set; } = null!;

    public HttpClient HostApi { get; private set; } = null!;

    public IBrowserContext Context => _session.Context;

    /// <summary>The stored snapshots of the order, oldest first: the guarded confirm, then a manual capture.</summary>
    public List<string> SnapshotIds { get; } = [];

    public async Task InitializeAsync()
    {
        Host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, RepositoryPaths.NewTempDirectory("host-data"));
        HostApi = await Host.PairAsync("report tests");
        _session = await BrowserSession.LaunchAsync(HostProcess.FreePort(), withExtension: false);
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Host.BaseAddress.GetLeftPart(UriPartial.Authority) });

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var folder = Path.Combine(RepositoryPaths.ShopFixtures, "taobao");
        var html = Encoding.GetEncoding("GB18030").GetString(await File.ReadAllBytesAsync(Path.Combine(folder, "detail-custom.html")));
        string[] captures = ["2026-11-25T06:03:00.000Z", "2026-11-26T09:30:00.000Z"];
        foreach (var (capturedAt, index) in captures.Select((c, i) => (c, i)))
        {
            var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Fixtures, "protocol", "snapshot-v1.json")))!.AsObject();
            snapshot["id"] = Guid.NewGuid().ToString("D");
            snapshot["url"] = $"https://buyertrade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId={OrderId}";
            snapshot["title"] = "交易详情";
            snapshot["html"] = html;
            snapshot["orderHint"] = OrderId;
            snapshot["capturedAt"] = capturedAt;
            snapshot["capture"] = index == 0 ? "guard" : "manual";
            snapshot["decision"] = index == 0 ? "confirmed" : "none";
            snapshot.Remove("embeddedData");
            var response = await HostApi.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            SnapshotIds.Add(snapshot["id"]!.GetValue<string>());
        }

        // Parsing runs in the background: wait until both pages are read.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        foreach (var id in SnapshotIds)
        {
            while ((await HostApi.GetAsync($"/api/snapshots/{id}/parsed")).StatusCode != System.Net.HttpStatusCode.OK)
            {
                Assert.True(DateTime.UtcNow < deadline, $"snapshot {id} was not parsed in time:\n{Host.Output}");
                await Task.Delay(100);
            }
        }
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        HostApi.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>The printable evidence report (also as a PDF from the browser's print) and the guide's copy button.</summary>
public sealed partial class ReportAndGuideTests(ReportBrowser browser) : IClassFixture<ReportBrowser>
{
    private const string OrderId = ReportBrowser.OrderId;

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(browser.Host.BaseAddress, path).ToString());
        return page;
    }

    [Fact]
    public async Task The_report_shows_the_order_each_snapshot_its_custody_and_the_key_and_prints_to_a_pdf()
    {
        var key = (await browser.HostApi.GetFromJsonAsync<JsonObject>("/api/evidence/key"))!;
        var page = await OpenAsync($"/report?order={OrderId}");
        var report = page.Locator("#report[data-state=ready]");
        await Expect(report).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await Expect(page.Locator("#report-title")).ToHaveTextAsync($"Evidence report for order {OrderId}");
        await Expect(report).ToContainTextAsync("木作家手工定制店");
        await Expect(report).ToContainTextAsync("实木书桌");
        await Expect(report).ToContainTextAsync("DPK301234567890");
        await Expect(page.Locator(".report-snapshot")).ToHaveCountAsync(2);
        foreach (var id in browser.SnapshotIds)
        {
            await Expect(report).ToContainTextAsync(id);
            var manifest = (await browser.HostApi.GetFromJsonAsync<JsonObject>($"/api/snapshots/{id}"))!["manifestSha256"]?.GetValue<string>();
            if (manifest is not null) await Expect(report).ToContainTextAsync(manifest);
        }

        await Expect(page.Locator(".report-snapshot").First).ToContainTextAsync("Confirmed");
        await Expect(page.Locator(".report-snapshot").Nth(1)).ToContainTextAsync("Saved by hand");
        await Expect(page.Locator(".report-snapshot table.custody").First).ToContainTextAsync("Stored");
        await Expect(page.Locator(".report-shot img")).ToHaveCountAsync(2);
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.report-shot img')].every(i => i.complete && i.naturalWidth > 0)");
        await Expect(report).ToContainTextAsync(key["fingerprint"]!.GetValue<string>());
        await Expect(report).ToContainTextAsync("ReceiptGuard.Host verify");
        await Expect(page.Locator("#report-export")).ToHaveAttributeAsync("href", $"/api/export?order={OrderId}&format=zip");
        await Expect(page.Locator("#print")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "e2e", "report-page.png"), FullPage = true });

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("#print")).ToBeHiddenAsync();
        await Expect(page.Locator("header.bar")).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
        var artifacts = Path.Combine(RepositoryPaths.Artifacts, "e2e");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllBytesAsync(Path.Combine(artifacts, "evidence-report.pdf"), pdf);

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(pdf.Length > 10 * 1024, $"the PDF is only {pdf.Length} bytes");
        var pages = PageObject().Count(Encoding.Latin1.GetString(pdf));
        // One page for the order, then each snapshot starts a page of its own.
        Assert.True(pages >= 3, $"the PDF has {pages} page(s)");
    }

    [Fact]
    public async Task The_guide_fills_the_seller_message_for_the_order_and_copies_it()
    {
        var page = await OpenAsync($"/guide?order={OrderId}");
        var zh = page.Locator("#message-zh");
        await Expect(zh).ToHaveValueAsync(new Regex($"订单号：{OrderId}"), new() { Timeout = 15_000 });
        await Expect(zh).ToHaveValueAsync(new Regex("实木书桌"));
        await Expect(zh).ToHaveValueAsync(new Regex("误点了“确认收货”"));
        await Expect(page.Locator("#message-en")).ToHaveValueAsync(new Regex($"Order number: {OrderId}"));
        await Expect(page.Locator("#tracking-number")).ToHaveValueAsync("DPK301234567890");
        await Expect(page.Locator("#export-zip")).ToHaveAttributeAsync("href", $"/api/export?order={OrderId}&format=zip");
        await Expect(page.Locator("li.special")).ToContainTextAsync("custom-made");
        await Expect(page.Locator("small.fact-source").First).ToContainTextAsync("2026-11-26");

        await page.GetByLabel("What happened?").SelectOptionAsync("damaged");
        await Expect(page.Locator("#message-en")).ToHaveValueAsync(new Regex("damaged"));

        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "e2e", "guide-page.png"), FullPage = true });
        var message = await page.Locator("#message-en").InputValueAsync();
        await page.Locator(".message").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        await Expect(page.Locator(".message").Nth(1).Locator(".copy-status")).ToHaveTextAsync("Copied.");
        Assert.Equal(message, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await page.Locator(".message").First.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        Assert.Equal(await zh.InputValueAsync(), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();
}
