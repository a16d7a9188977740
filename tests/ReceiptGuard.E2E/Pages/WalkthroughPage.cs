using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E.Pages;

/// <summary>The extension's options page, at its "Get started" walkthrough (options.html#start).</summary>
public sealed class WalkthroughPage(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>One step: host, pair, sites or screenshots. Its data-step-state is done, todo, problem or checking.</summary>
    public ILocator Step(string id) => Page.Locator($"[data-step=\"{id}\"]");

    public ILocator StepStatus(string id) => Step(id).Locator("[data-step-status]");

    public ILocator Summary => Page.Locator("#start-summary");

    public ILocator Command(string id) => Page.Locator($"#command-{id}");

    public Task ExpectStepAsync(string id, string state) => Expect(Step(id)).ToHaveAttributeAsync("data-step-state", state, new() { Timeout = 15_000 });

    /// <summary>Sets the host address in the page's Settings part, as a user following "Change the address" does.</summary>
    public async Task SetHostUrlAsync(string url)
    {
        await Page.FillAsync("#host-url", url);
        await Page.ClickAsync("#host-form button[type=submit]");
        await Expect(Page.Locator("#host-status")).ToHaveAttributeAsync("data-state", "ok");
    }

    /// <summary>Types the code into the pairing step's field and submits it.</summary>
    public async Task PairAsync(string code)
    {
        var field = Step("pair").Locator("#pairing-code");
        await field.FillAsync(code);
        await field.PressAsync("Enter");
    }
}
