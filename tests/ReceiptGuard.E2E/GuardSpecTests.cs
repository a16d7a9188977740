using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E;

/// <summary>
/// Every guard spec under tests/fixtures/shops, in real Chromium under the platform's real host names: exactly the
/// listed controls are guarded, each one's action is held, and after Confirm it happens as it would have (link,
/// new tab, page handler, form submission), with the right order hint in the stored snapshot.
/// </summary>
[Collection(GuardBrowserGroup.Name)]
public sealed class GuardSpecTests(GuardBrowser browser)
{
    private const string Guarded = "[data-receiptguard=\"guarded\"]";
    private const string Dialog = "[data-receiptguard-dialog=\"open\"]";

    public static TheoryData<string> Specs() => new(GuardSpec.All().Select(s => s.Name));

    public static TheoryData<string, int> Controls()
    {
        var data = new TheoryData<string, int>();
        foreach (var spec in GuardSpec.All())
        {
            for (var i = 0; i < spec.Guarded.Count; i++)
            {
                data.Add(spec.Name, i);
            }
        }

        return data;
    }

    private static ILocator Locate(IPage page, GuardedControl control)
    {
        if (control.Frame is { } frame)
        {
            return page.FrameLocator(frame).Locator(control.Selector);
        }

        return control.Shadow is { } host ? page.Locator(host).Locator(control.Selector) : page.Locator(control.Selector);
    }

    private static IFrame FrameOf(IPage page, GuardedControl control) =>
        control.Frame is null ? page.MainFrame : page.Frames.Single(f => f != page.MainFrame && f.ParentFrame == page.MainFrame);

    /// <summary>Marked controls in the page, its open shadow roots and its frames.</summary>
    private static async Task<int> GuardedCountAsync(IPage page)
    {
        var total = 0;
        foreach (var frame in page.Frames)
        {
            total += await frame.Locator(Guarded).CountAsync();
        }

        return total;
    }

    private static async Task OpenAsync(IPage page, GuardSpec spec)
    {
        await page.GotoAsync(spec.ServedUrl);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await GuardedCountAsync(page) != spec.Guarded.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public Task Guards_exactly_the_listed_controls(string name) =>
        browser.RunAsync($"marks {name}", async page =>
        {
            var spec = GuardSpec.Named(name);
            await OpenAsync(page, spec);

            Assert.Equal(spec.Guarded.Count, await GuardedCountAsync(page));
            foreach (var control in spec.Guarded)
            {
                await Expect(Locate(page, control)).ToHaveAttributeAsync("data-receiptguard", "guarded");
            }

            foreach (var selector in spec.NotGuarded)
            {
                var lookAlikes = page.Locator(selector);
                Assert.True(await lookAlikes.CountAsync() > 0, $"{selector} matches nothing");
                Assert.Equal(0, await page.Locator($"{selector}{Guarded}").CountAsync());
            }
        });

    [Theory]
    [MemberData(nameof(Controls))]
    public Task Holds_the_action_and_replays_it_after_Confirm(string name, int index) =>
        browser.RunAsync($"replay {name} {index}", async page =>
        {
            var spec = GuardSpec.Named(name);
            var control = spec.Guarded[index];
            await OpenAsync(page, spec);
            var target = Locate(page, control);
            await Expect(target).ToHaveAttributeAsync("data-receiptguard", "guarded");
            var frame = FrameOf(page, control);
            var urlBefore = frame.Url;
            var started = DateTimeOffset.UtcNow.AddSeconds(-1);

            await ActivateAsync(page, target, control.Activate ?? "mouse");

            // Held: the dialog is up (on the top page, even for a control in a frame) and nothing has happened.
            await Expect(page.Locator(Dialog)).ToHaveCountAsync(1);
            Assert.Equal(urlBefore, frame.Url);
            Assert.Empty(await frame.EvaluateAsync<string[]>("() => window.__actions || []"));

            var newPage = control.Replay.Kind == "blank" ? browser.Context.WaitForPageAsync() : null;
            if (control.Activate == "keyboard")
            {
                await DialogDriver.ConfirmByKeyboardAsync(page);
            }
            else
            {
                await DialogDriver.ConfirmAsync(page);
            }

            await AssertReplayedAsync(frame, control.Replay, newPage, urlBefore);
            await browser.WaitForSnapshotAsync(s =>
                s["decision"]!.GetValue<string>() == "confirmed"
                && s["url"]!.GetValue<string>() == (control.Frame is null ? spec.ServedUrl : s["url"]!.GetValue<string>())
                && s["capturedAt"]!.GetValue<DateTimeOffset>() >= started
                && s["orderHint"]?.GetValue<string>() == control.OrderHint
                && s["site"]!.GetValue<string>() == spec.Site);
        });

    private static async Task ActivateAsync(IPage page, ILocator target, string how)
    {
        switch (how)
        {
            case "keyboard":
                await target.FocusAsync();
                await page.Keyboard.PressAsync("Enter");
                break;
            case "touch":
                await TapAsync(page, target);
                break;
            default:
                await target.ClickAsync();
                break;
        }
    }

    /// <summary>A real touch tap through the DevTools protocol: touchstart/touchend, then the browser's click.</summary>
    private static async Task TapAsync(IPage page, ILocator target)
    {
        await target.ScrollIntoViewIfNeededAsync();
        var box = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("the control has no box");
        var point = new JsonObject { ["x"] = box.X + (box.Width / 2), ["y"] = box.Y + (box.Height / 2) };
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Emulation.setTouchEmulationEnabled", new() { ["enabled"] = true, ["maxTouchPoints"] = 1 });
        await cdp.SendAsync("Input.dispatchTouchEvent", new() { ["type"] = "touchStart", ["touchPoints"] = new[] { point } });
        await cdp.SendAsync("Input.dispatchTouchEvent", new() { ["type"] = "touchEnd", ["touchPoints"] = Array.Empty<object>() });
        await cdp.DetachAsync();
    }

    private static async Task AssertReplayedAsync(IFrame frame, Replay replay, Task<IPage>? newPage, string urlBefore)
    {
        switch (replay.Kind)
        {
            case "link":
            case "form":
                await frame.WaitForURLAsync(replay.Url!);
                break;
            case "blank":
                var opened = await newPage!.WaitAsync(TimeSpan.FromSeconds(10));
                await opened.WaitForURLAsync(replay.Url!);
                Assert.Equal(urlBefore, frame.Url);
                break;
            case "handler":
                var deadline = DateTime.UtcNow.AddSeconds(5);
                string[] actions;
                do
                {
                    actions = await frame.EvaluateAsync<string[]>("() => window.__actions");
                }
                while (!actions.Contains(replay.Action) && DateTime.UtcNow < deadline && await Task.Delay(50).ContinueWith(_ => true));

                // Exactly once: the page's own handler ran for the replay, and never for the held event itself.
                await Task.Delay(200);
                actions = await frame.EvaluateAsync<string[]>("() => window.__actions");
                Assert.Equal(1, actions.Count(a => a == replay.Action));
                break;
            default:
                throw new InvalidOperationException($"unknown replay kind {replay.Kind}");
        }
    }
}
