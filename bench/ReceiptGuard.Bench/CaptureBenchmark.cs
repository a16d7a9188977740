using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using ReceiptGuard.Testing;

namespace ReceiptGuard.Bench;

/// <summary>
/// Page capture on a realistic order list (about 300 KB of HTML, 20 product images and a stylesheet on a CDN origin):
/// our serializer (extension/dist/capture.js) against SingleFile's engine and against plain outerHTML, timed in the
/// page on the same loaded page; then the visual fidelity of each output, opened offline, against the live page.
/// Browser start-up and page load are outside every figure.
/// </summary>
public static class CaptureBenchmark
{
    private const int ViewportWidth = 1280;
    private const int ViewportHeight = 800;
    private const string OutputUrl = "http://capture.invalid/output.html";

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var engines = LoadEngines(settings);
        var site = OrderPageSite.Build(targetPageBytes: 300 * 1024);
        await using var server = await SiteServer.StartAsync(site.Files, new HashSet<string> { OrderPageSite.CdnHost });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath(),
            Headless = true,
            Args = [server.HostResolverRules([OrderPageSite.ShopHost, OrderPageSite.CdnHost]), "--disable-component-update", "--no-first-run"],
        });

        var live = await browser.NewContextAsync(ContextOptions());
        // SingleFile's extension and CLI put this hooks script in the page's own world at document start.
        await live.AddInitScriptAsync(await File.ReadAllTextAsync(Path.Combine(PeersDirectory(settings), "single-file-hooks-frames.js")));
        var page = await live.NewPageAsync();
        await page.GotoAsync(OrderPageSite.PageUrl, new() { WaitUntil = WaitUntilState.Load });
        await SettleAsync(page);
        var liveShot = await page.ScreenshotAsync();

        var worlds = new Dictionary<CaptureEngine, IsolatedWorld>();
        foreach (var engine in engines)
        {
            worlds[engine] = await IsolatedWorld.CreateAsync(page, $"bench-{engine.Name}");
            if (engine.Setup is not null)
            {
                await worlds[engine].EvaluateAsync(engine.Setup);
            }
        }

        Console.WriteLine($"capture: {site.PageBytes / 1024} KB page, {OrderPageSite.Orders} images; {settings.CaptureWarmup} warm-up + {settings.Captures} runs of {string.Join(", ", engines.Select(e => e.Name))}");
        var devTools = await page.Context.NewCDPSessionAsync(page);
        var timings = engines.ToDictionary(e => e, _ => new List<double>());
        var sizes = new Dictionary<CaptureEngine, int>();
        for (var run = 0; run < settings.CaptureWarmup + settings.Captures; run++)
        {
            for (var k = 0; k < engines.Count; k++)
            {
                var engine = engines[(run + k) % engines.Count];
                // Every run starts on a collected heap: otherwise whichever engine follows SingleFile pays for its garbage.
                await devTools.SendAsync("HeapProfiler.collectGarbage");
                var measured = await worlds[engine].EvaluateAsync(TimedRun(engine));
                sizes[engine] = measured.GetProperty("bytes").GetInt32();
                if (run >= settings.CaptureWarmup)
                {
                    timings[engine].Add(measured.GetProperty("ms").GetDouble());
                }
            }
        }

        var ours = engines.FirstOrDefault(e => e.Name == "ReceiptGuard");
        if (ours is not null)
        {
            Console.WriteLine($"capture: ReceiptGuard's report: {(await worlds[ours].EvaluateAsync("JSON.stringify(globalThis.__benchLastResult.report)")).GetString()}");
        }

        var artifacts = Path.Combine(RepositoryPaths.Artifacts, "bench");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllBytesAsync(Path.Combine(artifacts, "capture-live.png"), liveShot);
        var fidelity = new Dictionary<CaptureEngine, PixelDiffResult>();
        foreach (var engine in engines)
        {
            var html = (await worlds[engine].EvaluateAsync("globalThis.__benchLastHtml")).GetString()!;
            var shot = await RenderOfflineAsync(browser, html);
            var slug = engine.Name.ToLowerInvariant();
            await File.WriteAllTextAsync(Path.Combine(artifacts, $"capture-{slug}.html"), html);
            await File.WriteAllBytesAsync(Path.Combine(artifacts, $"capture-{slug}.png"), shot);
            fidelity[engine] = PixelDiff.Compare(liveShot, shot);
            Console.WriteLine($"capture: {engine.Name}: runs {string.Join(" ", timings[engine].Select(t => t.ToString("0.#", CultureInfo.InvariantCulture)))}");
            Console.WriteLine($"capture: {engine.Name}: median {Stats.Median(timings[engine]):0.#} ms, {sizes[engine] / 1024.0:0.#} KB, offline render vs live: {fidelity[engine]}");
        }

        Console.WriteLine($"capture: screenshots and outputs in {artifacts}");
        await live.CloseAsync();
        return Figures(site, engines, timings, sizes, fidelity);
    }

    /// <summary>The engines to compare; ours only when extension/dist/capture.js is built.</summary>
    private static List<CaptureEngine> LoadEngines(BenchSettings settings)
    {
        var singleFile = Path.Combine(PeersDirectory(settings), "single-file.js");
        if (!File.Exists(singleFile))
        {
            throw new InvalidOperationException($"{singleFile} is missing: run 'node scripts/single-file-peer.mjs' (npm run bench does).");
        }

        var engines = new List<CaptureEngine>();
        var capture = Path.Combine(RepositoryPaths.ExtensionDist, "capture.js");
        if (File.Exists(capture))
        {
            engines.Add(CaptureEngine.ReceiptGuard(File.ReadAllText(capture)));
        }
        else
        {
            Console.WriteLine($"capture: {capture} is not built: ReceiptGuard's own figures are left out, the peer and the floor still run.");
        }

        engines.Add(CaptureEngine.SingleFile(File.ReadAllText(singleFile)));
        engines.Add(CaptureEngine.OuterHtml);
        return engines;
    }

    private static string PeersDirectory(BenchSettings settings) => Path.Combine(settings.RepositoryRoot, ".tmp", "bench-peers");

    private static BrowserNewContextOptions ContextOptions() => new()
    {
        ViewportSize = new() { Width = ViewportWidth, Height = ViewportHeight },
        DeviceScaleFactor = 1,
        Locale = "zh-CN",
    };

    /// <summary>One capture timed inside the page with performance.now(); the output's UTF-8 size is measured outside the timing.</summary>
    private static string TimedRun(CaptureEngine engine) => $$"""
        (async () => {
          const start = performance.now();
          const result = await ({{engine.Call}});
          const ms = performance.now() - start;
          const html = {{engine.Html}};
          globalThis.__benchLastResult = result;
          globalThis.__benchLastHtml = html;
          return { ms, bytes: new TextEncoder().encode(html).length };
        })()
        """;

    /// <summary>Waits until every image is decoded, fonts are ready and two frames have been painted.</summary>
    private static async Task SettleAsync(IPage page)
    {
        var broken = await page.EvaluateAsync<int>("""
            async () => {
              await Promise.all([...document.images].map((i) => i.decode().catch(() => {})));
              await document.fonts.ready;
              await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
              return [...document.images].filter((i) => i.naturalWidth === 0).length;
            }
            """);
        if (broken > 0 && page.Url != OutputUrl)
        {
            throw new InvalidOperationException($"{broken} images of {page.Url} did not load: the site server or the host mapping is broken");
        }
    }

    /// <summary>Opens an output with the network cut (only the output itself is served) and screenshots it at the live page's viewport.</summary>
    private static async Task<byte[]> RenderOfflineAsync(IBrowser browser, string html)
    {
        var context = await browser.NewContextAsync(ContextOptions());
        await context.RouteAsync("**/*", route => route.Request.Url == OutputUrl
            ? route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", BodyBytes = Encoding.UTF8.GetBytes(html) })
            : route.AbortAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync(OutputUrl, new() { WaitUntil = WaitUntilState.Load });
        await SettleAsync(page);
        var shot = await page.ScreenshotAsync();
        await context.CloseAsync();
        return shot;
    }

    private static List<BenchResult> Figures(OrderPageSite site, List<CaptureEngine> engines, Dictionary<CaptureEngine, List<double>> timings,
        Dictionary<CaptureEngine, int> sizes, Dictionary<CaptureEngine, PixelDiffResult> fidelity)
    {
        var ours = engines.FirstOrDefault(e => e.Name == "ReceiptGuard");
        var singleFile = engines.Single(e => e.Name == "SingleFile");
        var floor = engines.Single(e => e.Name == "outerHTML");
        var page = string.Create(CultureInfo.InvariantCulture, $"{Math.Round(site.PageBytes / 1024.0)} KB, {OrderPageSite.Orders} images");
        var tolerance = $"pixels differing > {PixelDiff.DefaultTolerance}/255, {ViewportWidth}×{ViewportHeight}";
        const string peer = "single-file-core 1.5.84 getPageData";
        static double Kb(int bytes) => bytes / 1024.0;
        var results = new List<BenchResult>();
        if (ours is not null)
        {
            var median = Stats.Median(timings[ours]);
            var peerMedian = Stats.Median(timings[singleFile]);
            var faster = peerMedian / median;
            results.Add(BenchResult.FasterThan($"capture: ReceiptGuard ({page}), median (ratio: times faster than SingleFile)", median, "ms",
                $"{peer}, same page, median", peerMedian, "≥ 2× faster than SingleFile, ≤ 500 ms", faster >= 2 && median <= 500));
            results.Add(BenchResult.FasterThan($"capture: ReceiptGuard ({page}), p95 (ratio: times faster than SingleFile)", Stats.Percentile(timings[ours], 95), "ms",
                $"{peer}, same page, p95", Stats.Percentile(timings[singleFile], 95)));
            var overFloor = median / Stats.Median(timings[floor]);
            results.Add(BenchResult.Against("capture vs outerHTML floor, median", median, "ms",
                "document.documentElement.outerHTML, same page, median", Stats.Median(timings[floor]), "≤ 10×", overFloor <= 10));
            results.Add(BenchResult.Against("capture output size: ReceiptGuard", Kb(sizes[ours]), "KB", "SingleFile's output", Kb(sizes[singleFile])));
            var oursDiff = fidelity[ours].Percent;
            var peerDiff = fidelity[singleFile].Percent;
            results.Add(BenchResult.Against($"capture fidelity: ReceiptGuard's output offline vs the live page ({tolerance})", oursDiff, "% pixels",
                "SingleFile's output", peerDiff, "≤ SingleFile + 0.5 points", oursDiff <= peerDiff + 0.5));
        }
        else
        {
            results.Add(BenchResult.Of($"capture: {peer} ({page}), median", Stats.Median(timings[singleFile]), "ms"));
            results.Add(BenchResult.Of("capture: document.documentElement.outerHTML (the floor), median", Stats.Median(timings[floor]), "ms"));
            results.Add(BenchResult.Of("capture output size: SingleFile", Kb(sizes[singleFile]), "KB"));
            results.Add(BenchResult.Of($"capture fidelity: SingleFile's output offline vs the live page ({tolerance})", fidelity[singleFile].Percent, "% pixels"));
        }

        results.Add(BenchResult.Of("capture output size: outerHTML (the page's own HTML, nothing inlined)", Kb(sizes[floor]), "KB"));
        results.Add(BenchResult.Of($"capture fidelity: outerHTML offline vs the live page ({tolerance})", fidelity[floor].Percent, "% pixels"));
        return results;
    }
}
