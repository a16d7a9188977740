using System.Collections.Concurrent;
using Microsoft.Playwright;
using ReceiptGuard.E2E.Infrastructure;
using Xunit.Abstractions;

namespace ReceiptGuard.E2E;

/// <summary>
/// A hostile captured page viewed in the review UI, in the real browser: nothing in it executes, navigates or reaches
/// the network. Every host name but the host's own 127.0.0.1 resolves to a local beacon server that records each
/// request. The same page opened from the beacon's own origin first shows that it does call home when allowed to,
/// so a silent beacon later means the viewer stopped it.
/// </summary>
public sealed class HostileSnapshotTests(ITestOutputHelper output)
{
    private const string Beacon = "http://beacon.test";
    private const string Marker = "HOSTILE";

    /// <summary>
    /// Block elements 40 px tall from the top, in this order, so they can be clicked inside the frame. The last three
    /// are links that would replace the frame's document, so each is clicked in a freshly loaded viewer: one to the
    /// network, one relative (which resolves against the host, the page's base being refused), and one to a host URL
    /// that changes state when fetched (an export is written to the custody log).
    /// </summary>
    private static readonly string[] Clickable = ["js-link", "top-link", "field", "submit", "self-link", "relative-link", "host-link"];

    private static readonly string[] FrameLinks = ["self-link", "relative-link", "host-link"];

    private static readonly string HostilePage = $$"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8">
        <base href="{{Beacon}}/base/">
        <meta http-equiv="refresh" content="0;url={{Beacon}}/refresh">
        <title>hostile</title>
        <link rel="stylesheet" href="{{Beacon}}/style.css">
        <link rel="prefetch" href="{{Beacon}}/prefetch">
        <style>
          @import url("{{Beacon}}/import.css");
          body { margin: 0; background: url("{{Beacon}}/background.png"); }
          a, input, button { display: block; box-sizing: border-box; width: 300px; height: 40px; margin: 0; }
          @font-face { font-family: spy; src: url("{{Beacon}}/font.woff2"); }
          p { font-family: spy; }
        </style>
        <script>
          console.log('{{Marker}}-SCRIPT-RAN');
          window.hostileMarker = 'ran';
          document.title = 'script ran';
          fetch('{{Beacon}}/fetch');
          navigator.sendBeacon('{{Beacon}}/send-beacon', 'viewed');
          new Image().src = '{{Beacon}}/script-image';
          try { top.location = '{{Beacon}}/top'; } catch (e) { console.log('{{Marker}}-TOP-REFUSED'); }
        </script>
        </head><body>
        <a id="js-link" href="javascript:console.log('{{Marker}}-JS-LINK');location='{{Beacon}}/js-link'">javascript link</a>
        <a id="top-link" href="{{Beacon}}/top-link" target="_top">link to the top</a>
        <form action="{{Beacon}}/post" method="post">
          <input id="field" name="q" value="x" autofocus onfocus="console.log('{{Marker}}-AUTOFOCUS');fetch('{{Beacon}}/focus')">
          <button id="submit" type="submit">submit</button>
        </form>
        <a id="self-link" href="{{Beacon}}/self-link">link in the frame</a>
        <a id="relative-link" href="relative-link">relative link</a>
        <a id="host-link" href="/api/export?all=true">host link</a>
        <p>text</p>
        <img src="x" onerror="console.log('{{Marker}}-ONERROR');fetch('{{Beacon}}/onerror')">
        <img src="{{Beacon}}/img.png" alt="">
        <img srcset="{{Beacon}}/srcset.png 1x" alt="">
        <video poster="{{Beacon}}/poster.png"></video>
        <iframe src="{{Beacon}}/frame"></iframe>
        <script>document.forms[0].submit();</script>
        </body></html>
        """;

    [Fact]
    public async Task HostileSnapshot_viewed_in_the_ui_runs_nothing_navigates_nowhere_and_fetches_nothing()
    {
        await using var beacon = await BeaconServer.StartAsync(HostilePage);
        await using var ui = await ReviewUi.StartAsync(beacon.Port);
        var console = new ConcurrentQueue<string>();
        ui.Browser.Context.Console += (_, message) => console.Enqueue(message.Text);

        // The control: the same page from the beacon's own origin runs its script and calls home.
        var control = await ui.Browser.Context.NewPageAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await control.GotoAsync($"{Beacon}{BeaconServer.PagePath}", new() { WaitUntil = WaitUntilState.Commit });
        await WaitUntilAsync(() => Has(beacon.Requests, "/fetch") && Has(beacon.Requests, "/img.png") && Has(beacon.Requests, "/style.css"),
            TimeSpan.FromSeconds(10), () => $"the unsandboxed page did not reach the beacon: {string.Join(", ", beacon.Requests)}");
        await WaitUntilAsync(() => console.Any(text => text.Contains($"{Marker}-SCRIPT-RAN", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), () => $"the unsandboxed page's script was not seen on the console: {string.Join(" | ", console)}");
        // Closing a page Chromium is still busy with has been seen to hang for good on a loaded machine: stop its
        // requests first, and do not wait on the close for ever (a page left open is excluded from the checks below).
        await control.RouteAsync("**/*", route => route.AbortAsync());
        try
        {
            await control.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            output.WriteLine("the control page did not close within 10 s; its requests are aborted, the test goes on");
        }

        output.WriteLine($"control reached the beacon with: {string.Join(", ", beacon.Requests)}");
        beacon.Clear();
        console.Clear();

        // The hostile page stored as a snapshot and viewed in the UI.
        var id = await ui.StoreAsync(HostilePage, "hostile page", "3399000000000000001");
        var page = await ui.Browser.Context.NewPageAsync();
        // A navigation the viewer fails to stop must fail the test, not hang it.
        page.SetDefaultTimeout(15_000);
        var finished = new ConcurrentQueue<string>();
        page.RequestFinished += (_, request) => finished.Enqueue(request.Url);
        var requested = new ConcurrentQueue<string>();
        page.Request += (_, request) => requested.Enqueue(request.Url);
        var viewer = new Uri(ui.Host.BaseAddress, $"/snapshots/{id}").ToString();
        var framed = new Uri(ui.Host.BaseAddress, $"/api/snapshots/{id}/html").ToString();
        await page.GotoAsync(viewer);
        var frameElement = page.Locator("iframe#page");
        await Assertions.Expect(frameElement).ToHaveAttributeAsync("src", $"/api/snapshots/{id}/html");
        await WaitUntilAsync(() => page.Frames.Any(f => f.Url == framed), TimeSpan.FromSeconds(10), () => "the captured page was not framed");
        await page.WaitForTimeoutAsync(3000);

        // Left alone for 3 s, its meta refresh, form.submit() and top.location did not move the frame or the page.
        Assert.Equal(viewer, page.Url);
        Assert.Single(page.Frames, f => f.Url == framed);
        // No script ran in the frame: either the browser refuses to evaluate there (scripts are off), or the marker is absent.
        var frame = page.Frames.Single(f => f.Url == framed);
        string? marker;
        try
        {
            marker = await frame.EvaluateAsync<string?>("() => window.hostileMarker ?? null").WaitAsync(TimeSpan.FromSeconds(5));
            output.WriteLine("evaluation in the frame was allowed; marker: " + (marker ?? "(none)"));
        }
        catch (Exception refused) when (refused is PlaywrightException or TimeoutException)
        {
            output.WriteLine("evaluation in the sandboxed frame was refused: " + refused.Message.Split('\n')[0]);
            marker = null;
        }

        Assert.Null(marker);

        // Click everything that could navigate or post, inside the frame, as a user would.
        await frameElement.ScrollIntoViewIfNeededAsync();
        var box = await frameElement.BoundingBoxAsync() ?? throw new InvalidOperationException("the frame has no box");
        async Task ClickAsync(string element)
        {
            await page.Mouse.ClickAsync(box.X + 20, box.Y + 20 + (40 * Array.IndexOf(Clickable, element)));
            await page.WaitForTimeoutAsync(300);
        }

        foreach (var element in Clickable.Except(FrameLinks))
        {
            await ClickAsync(element);
        }

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForTimeoutAsync(1000);
        Assert.Single(page.Frames, f => f.Url == framed);

        // The viewer frames this snapshot's page and nothing else: each link inside it is refused (the browser shows
        // its blocked-frame page in the frame), so it reaches neither the network nor any other URL of the host.
        foreach (var link in FrameLinks)
        {
            output.WriteLine($"clicking {link}");
            await page.GotoAsync(viewer, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await WaitUntilAsync(() => page.Frames.Any(f => f.Url == framed), TimeSpan.FromSeconds(10), () => "the captured page was not framed again");
            await frameElement.ScrollIntoViewIfNeededAsync();
            box = await frameElement.BoundingBoxAsync() ?? throw new InvalidOperationException("the frame has no box");
            await ClickAsync(link);
            await page.WaitForTimeoutAsync(700);
            output.WriteLine($"after {link}: " + string.Join(" | ", page.Frames.Select(f => f.Url)));
            Assert.All(page.Frames.Skip(1), f => Assert.True(f.Url == framed || f.Url.StartsWith("chrome-error:", StringComparison.Ordinal), $"{link} took the frame to {f.Url}"));
        }

        output.WriteLine("requests: " + string.Join(" | ", finished));
        Assert.True(BeaconHits(beacon).Count == 0, $"the viewer let the page reach the network: {string.Join(", ", beacon.Requests)}");
        Assert.DoesNotContain(finished, url => !url.StartsWith(ui.Host.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal));
        Assert.DoesNotContain(requested, url => url.Contains("relative-link", StringComparison.Ordinal) || url.Contains("/api/export", StringComparison.Ordinal));
        Assert.DoesNotContain(console, text => text.Contains(Marker, StringComparison.Ordinal));
        Assert.Equal(viewer, page.Url);
        // No new window either (the persistent profile's first tab stays blank).
        Assert.All(page.Context.Pages, other => Assert.True(other == page || other == control || other.Url == "about:blank", $"a page opened {other.Url}"));
    }

    /// <summary>
    /// What reached the beacon under the page's own host name. Chromium's own background calls (its update check) also
    /// land on the beacon, as every other name does; they are not the page's doing.
    /// </summary>
    private static List<string> BeaconHits(BeaconServer beacon) => [.. beacon.Requests.Where(r => r.Contains(" beacon.test", StringComparison.Ordinal))];

    private static bool Has(IReadOnlyList<string> requests, string path) => requests.Any(r => r.Contains("beacon.test" + path, StringComparison.Ordinal));

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> failure)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException(failure());
            }

            await Task.Delay(100);
        }
    }
}
