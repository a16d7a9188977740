using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ReceiptGuard.Testing;

/// <summary>Answers the guard's dialog as a user does: real clicks and keys, through its closed shadow root.</summary>
public static partial class DialogDriver
{
    public const string Open = "[data-receiptguard-dialog=\"open\"]";

    /// <summary>The dialog's markup (for assertions on what it says).</summary>
    public static Task<string> HtmlAsync(IPage page) => ClosedShadow.OuterHtmlAsync(page, ".dialog");

    public static async Task<int> ChecklistCountAsync(IPage page) => CheckBoxes().Count(await HtmlAsync(page));

    public static async Task<bool> ConfirmEnabledAsync(IPage page) =>
        !DisabledConfirm().IsMatch(await ClosedShadow.OuterHtmlAsync(page, "[data-action=confirm]"));

    /// <summary>Ticks the checklist, types the word if asked, and presses Confirm, all with the mouse.</summary>
    public static async Task ConfirmAsync(IPage page, string typeWord = "confirm")
    {
        await ClosedShadow.ClickAllAsync(page, "[data-check]");
        if ((await HtmlAsync(page)).Contains("data-type-word", StringComparison.Ordinal))
        {
            await ClosedShadow.ClickAsync(page, "[data-type-word]");
            await page.Keyboard.TypeAsync(typeWord);
        }

        await ClosedShadow.ClickAsync(page, "[data-action=confirm]");
    }

    /// <summary>
    /// Keyboard only: focus starts on Cancel and a disabled Confirm is skipped, so Tab goes round to the first checkbox;
    /// Space ticks each; after the last, Tab reaches Cancel and then the now enabled Confirm; Enter presses it.
    /// </summary>
    public static async Task ConfirmByKeyboardAsync(IPage page)
    {
        var boxes = await ChecklistCountAsync(page);
        for (var i = 0; i < boxes; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Space");
        }

        await page.Keyboard.PressAsync("Tab");
        if (boxes > 0)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
    }

    public static Task CancelAsync(IPage page) => ClosedShadow.ClickAsync(page, "[data-action=cancel]");

    [GeneratedRegex("data-check=")]
    private static partial Regex CheckBoxes();

    [GeneratedRegex(@"\sdisabled(=""[^""]*"")?[\s>]")]
    private static partial Regex DisabledConfirm();
}
