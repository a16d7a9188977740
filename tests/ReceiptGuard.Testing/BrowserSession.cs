using Microsoft.Playwright;

namespace ReceiptGuard.Testing;

/// <summary>
/// Debian's Chromium with the built extension (extension/dist), every host name resolved to the fixture shop server
/// (so shop pages load under their real names) and treated as public for Local Network Access.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private BrowserSession(IPlaywright playwright, IBrowserContext context, string profile, string? extensionId)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
        ExtensionId = extensionId;
    }

    public IBrowserContext Context { get; }

    /// <summary>Null when launched without the extension (a baseline).</summary>
    public string? ExtensionId { get; }

    /// <param name="grantAllSites">
    /// Loads a copy of the extension whose manifest already grants &lt;all_urls&gt;: the state after a user allowed
    /// screenshots on the options page (headless Chromium cannot answer the browser's permission prompt).
    /// </param>
    /// <param name="otherNamesArePublic">
    /// false leaves the other names' server a loopback address, so Chromium's Local Network Access does not stop their
    /// pages reaching the host first: the cross-origin test must show the host itself refuses them.
    /// </param>
    /// <param name="hostResolverRules">
    /// Chromium's name mapping as a user passes it (the demo prints one), instead of every name to the shop server.
    /// </param>
    public static async Task<BrowserSession> LaunchAsync(int shopPort, bool withExtension = true, string language = "en-US", bool grantAllSites = false, bool otherNamesArePublic = true, string? hostResolverRules = null)
    {
        var manifest = Path.Combine(RepositoryPaths.ExtensionDist, "manifest.json");
        if (withExtension && !File.Exists(manifest))
        {
            throw new InvalidOperationException($"{RepositoryPaths.ExtensionDist} is not built: run 'npm run build' first.");
        }

        var playwright = await Playwright.CreateAsync();
        var profile = RepositoryPaths.NewTempDirectory("profile");
        var args = new List<string>
        {
            // Every name but the host's own address goes to the shop server, on its port.
            $"--host-resolver-rules={hostResolverRules ?? $"MAP * 127.0.0.1:{shopPort}, EXCLUDE 127.0.0.1"}",
            $"--lang={language}",
            "--disable-component-update",
            "--no-first-run",
        };
        if (otherNamesArePublic && hostResolverRules is null)
        {
            args.Add($"--ip-address-space-overrides=127.0.0.1:{shopPort}=public");
        }

        var extensionDir = withExtension && grantAllSites ? CopyWithAllSitesGranted(profile) : RepositoryPaths.ExtensionDist;
        if (withExtension)
        {
            args.Add($"--disable-extensions-except={extensionDir}");
            args.Add($"--load-extension={extensionDir}");
        }

        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new()
        {
            ExecutablePath = Chromium.ExecutablePath(),
            Headless = true,
            Locale = language,
            Args = args,
        });
        return new BrowserSession(playwright, context, profile, withExtension ? Testing.ExtensionId.FromManifest(manifest) : null);
    }

    /// <summary>extension/dist copied next to the profile, with "&lt;all_urls&gt;" moved into host_permissions.</summary>
    private static string CopyWithAllSitesGranted(string profile)
    {
        var target = profile + "-extension";
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.ExtensionDist, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(RepositoryPaths.ExtensionDist, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var manifestPath = Path.Combine(target, "manifest.json");
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        manifest["host_permissions"]!.AsArray().Add("<all_urls>");
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        return target;
    }

    public string ExtensionPage(string page) => $"chrome-extension://{ExtensionId}/{page}";

    /// <summary>Sets the host address the way a user does: on the extension's options page.</summary>
    public async Task ConfigureHostUrlAsync(Uri hostUrl)
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync(ExtensionPage("options.html"));
        await page.FillAsync("#host-url", hostUrl.GetLeftPart(UriPartial.Authority));
        await page.ClickAsync("#host-form button[type=submit]");
        await Assertions.Expect(page.Locator("#host-status")).ToHaveAttributeAsync("data-state", "ok");
        await page.CloseAsync();
    }

    /// <summary>
    /// Pairs the extension as a user does: a code from the host's Settings page (got by <paramref name="host"/>),
    /// typed into the extension's options page; waits until the page says paired.
    /// </summary>
    public async Task PairExtensionAsync(HostProcess host)
    {
        var code = await host.NewPairingCodeAsync();
        var page = await Context.NewPageAsync();
        await page.GotoAsync(ExtensionPage("options.html"));
        await page.FillAsync("#pairing-code", code);
        await page.ClickAsync("#pairing-form button[type=submit]");
        await Assertions.Expect(page.Locator("#pairing-status")).ToHaveAttributeAsync("data-pairing", "paired");
        await page.CloseAsync();
    }

    /// <summary>Enables the generic rule on a site, through the options page.</summary>
    public async Task EnableGenericSiteAsync(string site)
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync(ExtensionPage("options.html"));
        await page.FillAsync("#site-input", site);
        await page.ClickAsync("#site-form button[type=submit]");
        await Assertions.Expect(page.Locator("#site-status")).ToHaveAttributeAsync("data-state", "ok");
        await page.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
            if (Directory.Exists(_profile + "-extension"))
            {
                Directory.Delete(_profile + "-extension", recursive: true);
            }
        }
        catch (IOException)
        {
            // Chromium may still be letting go of a file; the scratch folder is cleared by the next test run.
        }
    }
}
