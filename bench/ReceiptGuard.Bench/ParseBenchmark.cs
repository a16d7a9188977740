using System.Diagnostics;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using ReceiptGuard.Host.Parsing;

namespace ReceiptGuard.Bench;

/// <summary>
/// What parsing a page costs beyond building its DOM: PageParser.Parse (decode excluded: both sides get the same text)
/// against a bare AngleSharp ParseDocument, per fixture page: the golden pages (*.parse.json), plus the guard fixture
/// pages (*.guard.json) so the figure covers every platform before each has golden files.
/// </summary>
public static class ParseBenchmark
{
    private const double Goal = 1.5;

    private sealed record Fixture(string Name, string Html, Uri Url, string? OrderHint);

    public static IReadOnlyList<BenchResult> Run(BenchSettings settings)
    {
        var fixtures = FindFixtures(Path.Combine(settings.RepositoryRoot, "tests", "fixtures", "shops"));
        // The fixture pages are 2–10 KB; a real order list is some hundreds of KB, where a parser's fixed costs weigh less.
        var richList = SamplePages.TaobaoRichList(57);
        fixtures.Add(new Fixture(
            $"generated Taobao list, 57 orders, {System.Text.Encoding.UTF8.GetByteCount(richList) / 1024} KB", richList,
            new Uri("https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm"), null));
        Console.WriteLine($"parse: {fixtures.Count} fixture pages, {settings.Parses} runs each after {settings.Warmup} warm-up");
        var results = new List<BenchResult>();
        var worst = 0.0;
        var worstName = "";
        // The shared code (AngleSharp, the text helpers, the generic parser) is warmed on every page first; otherwise
        // the first page timed pays for the process's JIT and tiering, whatever the page.
        var shared = Stopwatch.StartNew();
        while (shared.Elapsed < settings.ParseWarmupTime * 3)
        {
            foreach (var fixture in fixtures)
            {
                PageParser.Parse(fixture.Html, fixture.Url, null, fixture.OrderHint);
                new HtmlParser().ParseDocument(fixture.Html);
            }
        }

        foreach (var fixture in fixtures)
        {
            // Warm up by time as well as by count: a parser's code runs only on its own platform's pages, and the JIT
            // recompiles hot methods (tier 0 → tier 1) only after ~30 calls plus a background delay. Counting alone
            // timed our parsers unoptimized against an AngleSharp that every page had already warmed.
            var warmup = Stopwatch.StartNew();
            for (var i = 0; i < settings.Warmup || warmup.Elapsed < settings.ParseWarmupTime; i++)
            {
                PageParser.Parse(fixture.Html, fixture.Url, null, fixture.OrderHint);
                new HtmlParser().ParseDocument(fixture.Html);
            }

            // Start each page from a clean heap, so one page's garbage is not collected on the next page's clock.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var parses = new List<double>();
            var bare = new List<double>();
            // Interleaved, so drift (GC, frequency scaling) falls on both sides alike.
            for (var i = 0; i < settings.Parses; i++)
            {
                var watch = Stopwatch.StartNew();
                PageParser.Parse(fixture.Html, fixture.Url, null, fixture.OrderHint);
                parses.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                // A new parser each time, as PageParser does: the baseline is the DOM alone, nothing else.
                new HtmlParser().ParseDocument(fixture.Html);
                bare.Add(watch.Elapsed.TotalMilliseconds);
            }

            var result = BenchResult.Against(
                $"parse: {fixture.Name} (PageParser.Parse vs bare AngleSharp parse), median", Stats.Median(parses), "ms",
                "AngleSharp ParseDocument", Stats.Median(bare), $"≤ {Goal}×");
            result = result with { Pass = result.Ratio <= Goal };
            results.Add(result);
            if (result.Ratio is { } ratio && ratio > worst)
            {
                (worst, worstName) = (ratio, fixture.Name);
            }
        }

        if (fixtures.Count > 0)
        {
            results.Add(BenchResult.Of($"parse: worst ratio over {fixtures.Count} pages ({worstName})", worst, "×", $"≤ {Goal}×", worst <= Goal));
        }

        return results;
    }

    /// <summary>Each page once, named platform/file; the golden file's URL and order hint win over the guard file's.</summary>
    private static List<Fixture> FindFixtures(string root)
    {
        var pages = new SortedDictionary<string, Fixture>(StringComparer.Ordinal);
        foreach (var (pattern, pageMember) in new[] { ("*.guard.json", "fixture"), ("*.parse.json", "page") })
        {
            foreach (var file in Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories))
            {
                var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                var directory = Path.GetDirectoryName(file)!;
                if (json[pageMember]?.GetValue<string>() is not { } page || json["url"]?.GetValue<string>() is not { } url)
                {
                    continue;
                }

                var orderHint = json["orderHint"]?.GetValue<string>()
                    ?? json["guarded"]?.AsArray().FirstOrDefault()?["orderHint"]?.GetValue<string>();
                var name = $"{Path.GetFileName(directory)}/{page}";
                pages[name] = new Fixture(name, PageDecoder.Decode(File.ReadAllBytes(Path.Combine(directory, page))), new Uri(url), orderHint);
            }
        }

        return [.. pages.Values];
    }
}
