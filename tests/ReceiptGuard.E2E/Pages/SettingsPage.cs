using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReceiptGuard.E2E.Pages;

/// <summary>"/settings": the data folder, the signing key, timestamping, retention and capture sections.</summary>
public sealed class SettingsPage(IPage page, Uri host)
{
    public IPage Page { get; } = page;

    public ILocator DataFolder => Page.Locator("#data-folder");

    /// <summary>The data folder section's value next to <paramref name="label"/> ("Folder", "Snapshots").</summary>
    public ILocator DataValue(string label) => DataFolder.Locator($"dt:text-is(\"{label}\") + dd");

    public ILocator KeyFingerprint => Page.Locator("#key-fingerprint");

    public ILocator KeepForever => Page.Locator("#retention-forever");

    public ILocator KeepForDays => Page.Locator("#retention-limited");

    public ILocator RetentionDays => Page.Locator("#retention-days");

    /// <summary>What the typed limit would delete now, as the host counts it.</summary>
    public ILocator RetentionPreview => Page.Locator("#retention-preview");

    public ILocator RetentionStatus => Page.Locator("#retention-status");

    public ILocator RetentionError => Page.Locator("#retention-error");

    /// <summary>The "delete and save?" question, shown only when saving would delete snapshots.</summary>
    public ILocator RetentionDialog => Page.Locator("#retention-dialog");

    public async Task GotoAsync()
    {
        await Page.GotoAsync(new Uri(host, "/settings").ToString());
        await Expect(DataFolder.Locator("dd").First).ToBeVisibleAsync();
        await Expect(KeyFingerprint).Not.ToBeEmptyAsync();
    }

    /// <summary>Chooses "for a number of days", types <paramref name="days"/> and saves.</summary>
    public async Task KeepSnapshotsForAsync(int days)
    {
        await KeepForDays.CheckAsync();
        await RetentionDays.FillAsync(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator("#retention-form button[type=submit]").ClickAsync();
    }
}
