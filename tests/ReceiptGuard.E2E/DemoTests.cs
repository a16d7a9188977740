using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>
/// `npm run demo` as a newcomer uses it: the demo shop it starts, opened in Chromium with the extension and exactly the
/// name mapping the demo prints. Every order page the index lists loads from the demo under its shop name and has its
/// confirm controls guarded; a click on one is held by the checklist dialog.
/// </summary>
public sealed partial class DemoTests : IAsyncLifetime
{
    private const string Dialog = "[data-receiptguard-dialog=\"open\"]";
    private const string Guarded = "[data-receiptguard=\"guarded\"]";

    private Process _demo = null!;
    private string _output = "";
    private Uri _index = null!;
    private BrowserSession _browser = null!;

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("npm", ["run", "--silent", "demo", "--", "--port", "0", "--no-open"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _demo = Process.Start(start)!;
        _demo.ErrorDataReceived += (_, e) => _output += e.Data + "\n";
        _demo.BeginErrorReadLine();

        // The last line before it waits for Ctrl+C carries the flags; by then the index address has been printed.
        string? rules = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (rules is null && await _demo.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            _output += line + "\n";
            if (IndexLine().Match(line) is { Success: true } index)
            {
                _index = new Uri(index.Groups[1].Value);
            }

            rules = FlagsLine().Match(line) is { Success: true } flags ? flags.Groups[1].Value : null;
        }

        Assert.True(rules is not null && _index is not null, $"the demo did not print its address and flags:\n{_output}");
        _browser = await BrowserSession.LaunchAsync(shopPort: _index.Port, hostResolverRules: rules);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (!_demo.HasExited)
        {
            _demo.Kill(entireProcessTree: true);
            await _demo.WaitForExitAsync();
        }

        _demo.Dispose();
    }

    [Fact]
    public async Task Every_listed_order_page_is_guarded_and_a_confirm_click_is_held()
    {
        var page = await _browser.Context.NewPageAsync();
        await page.GotoAsync(_index.ToString());
        await Expect(page).ToHaveTitleAsync(new Regex("ReceiptGuard"));

        // The index lists each platform's guard spec page (the generic rule's needs a site added first).
        var listed = GuardSpec.All().Where(s => s.Platform != "generic").ToList();
        var links = page.Locator("#pages a");
        await Expect(links).ToHaveCountAsync(listed.Count);
        var addresses = await links.EvaluateAllAsync<string[]>("links => links.map(a => a.href)");

        var shopPage = await _browser.Context.NewPageAsync();
        foreach (var address in addresses)
        {
            var response = await shopPage.GotoAsync(address);
            Assert.Equal(200, response!.Status);
            Assert.NotEqual("ReceiptGuard demo", await shopPage.TitleAsync());
            await Expect(shopPage.Locator(Guarded).First).ToBeAttachedAsync(new() { Timeout = 10_000 });
        }

        await shopPage.CloseAsync();

        // Taobao's list, from the index link as a newcomer clicks it: the confirm click is held, the shop's own handler
        // does not run, and Cancel leaves the order unconfirmed.
        await page.ClickAsync("#pages a[data-platform=taobao]");
        await page.WaitForURLAsync(new Regex("^http://buyertrade\\.taobao\\.com:\\d+/"));
        var control = page.Locator(Guarded).First;
        await control.ClickAsync();
        var dialog = page.Locator(Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__actions.length"));
        Assert.StartsWith("http://buyertrade.taobao.com:", page.Url, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Demo shop: (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex IndexLine();

    [GeneratedRegex("^Chromium flags: --host-resolver-rules=\"([^\"]+)\"$")]
    private static partial Regex FlagsLine();
}
