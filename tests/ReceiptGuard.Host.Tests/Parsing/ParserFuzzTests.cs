using System.Diagnostics;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReceiptGuard.Host.Parsing;

namespace ReceiptGuard.Host.Tests.Parsing;

/// <summary>
/// Parsers meet broken pages: half-saved files, pages a script rewrote, junk. Every fixture page is mutated many times
/// (fixed seed, so a failure repeats) and parsed: parsing never throws, never hangs, and every order id it returns is
/// in the mutated page (text, attribute values or script text).
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Seed = 20261126;
    private const int Iterations = 300;
    private static readonly TimeSpan PerPageLimit = TimeSpan.FromSeconds(2);

    private sealed record Fixture(string Name, string Html, Uri Url);

    [Fact]
    public async Task Mutated_pages_parse_without_throwing_hanging_or_inventing_ids()
    {
        var fixtures = Fixtures();
        Assert.NotEmpty(fixtures);
        var random = new Random(Seed);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Iterations; i++)
        {
            var fixture = fixtures[random.Next(fixtures.Count)];
            var mutation = (Mutation)random.Next(Enum.GetValues<Mutation>().Length);
            var html = Mutate(fixture.Html, mutation, random);
            var what = $"iteration {i}: {mutation} of {fixture.Name}";

            var parse = Task.Run(() => PageParser.Parse(html, fixture.Url));
            var finished = await Task.WhenAny(parse, Task.Delay(PerPageLimit));
            Assert.True(finished == parse, $"{what} took longer than {PerPageLimit.TotalSeconds} s");
            var parsed = await parse; // rethrows what the parse threw

            var haystack = Haystack(html);
            foreach (var order in parsed.Orders)
            {
                Assert.True(haystack.Contains(order.OrderId.Value, StringComparison.Ordinal), $"{what}: order id {order.OrderId.Value} is not in the page");
            }
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the fuzz loop took {watch.Elapsed}");
    }

    private enum Mutation
    {
        DeleteElement,
        DuplicateElement,
        Truncate,
        SwapDigits,
        InsertJunkBytes,
        InsertGarbageScript,
        ShuffleSiblings,
    }

    private static List<Fixture> Fixtures()
    {
        var root = ReceiptGuard.Host.Tests.Fixtures.PathOf("shops");
        return Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new Fixture(Path.GetRelativePath(root, path), PageDecoder.Decode(File.ReadAllBytes(path)), UrlFor(path)))
            .ToList();
    }

    /// <summary>The URL the platform's guard spec gives, so the platform's parser (not only the generic one) is exercised.</summary>
    private static Uri UrlFor(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        var spec = Directory.EnumerateFiles(folder, "*.guard.json")
            .Select(f => System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(f))!)
            .FirstOrDefault(s => s["fixture"]?.GetValue<string>() == Path.GetFileName(path));
        return spec?["url"]?.GetValue<string>() is { } url ? new Uri(url) : new Uri($"https://example.com/{Path.GetFileName(folder)}/{Path.GetFileName(path)}");
    }

    private static string Mutate(string html, Mutation mutation, Random random)
    {
        switch (mutation)
        {
            case Mutation.Truncate:
                return html[..random.Next(html.Length + 1)];
            case Mutation.SwapDigits:
                var chars = html.ToCharArray();
                for (var n = 0; n < 20; n++)
                {
                    var at = random.Next(chars.Length);
                    if (char.IsAsciiDigit(chars[at]))
                    {
                        chars[at] = (char)('0' + random.Next(10));
                    }
                }

                return new string(chars);
            case Mutation.InsertJunkBytes:
                var junk = new byte[random.Next(1, 64)];
                random.NextBytes(junk);
                var position = random.Next(html.Length + 1);
                return html[..position] + Encoding.Latin1.GetString(junk) + html[position..];
            case Mutation.InsertGarbageScript:
                var script = random.Next(3) switch
                {
                    0 => "<script>var data = JSON.parse('{\\\"mainOrders\\\":[{\\\"id\\\":'); window.rawData = {\"orders\":[</script>",
                    1 => "<script type=\"application/ld+json\">{\"@type\":\"Order\",\"orderNumber\":</script>",
                    _ => "<script>" + new string('(', 5000) + "</script>",
                };
                var insertAt = random.Next(html.Length + 1);
                return html[..insertAt] + script + html[insertAt..];
            default:
                return MutateTree(html, mutation, random);
        }
    }

    private static string MutateTree(string html, Mutation mutation, Random random)
    {
        var document = new HtmlParser().ParseDocument(html);
        var elements = document.Body?.QuerySelectorAll("*").ToArray() ?? [];
        if (elements.Length == 0)
        {
            return html;
        }

        var element = elements[random.Next(elements.Length)];
        switch (mutation)
        {
            case Mutation.DeleteElement:
                element.Remove();
                break;
            case Mutation.DuplicateElement:
                element.ParentElement?.InsertBefore(element.Clone(), element);
                break;
            case Mutation.ShuffleSiblings when element.ParentElement is { } parent:
                var children = parent.Children.ToArray();
                foreach (var child in children.OrderBy(_ => random.Next()))
                {
                    parent.AppendChild(child);
                }

                break;
        }

        return document.DocumentElement.OuterHtml;
    }

    /// <summary>Everything a parser may read an id from: text, attribute values and script text (entities decoded).</summary>
    private static string Haystack(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var builder = new StringBuilder(document.DocumentElement.TextContent);
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                builder.Append('\n').Append(attribute.Value);
            }
        }

        foreach (var script in document.Scripts)
        {
            builder.Append('\n').Append(script.Text);
        }

        return builder.ToString();
    }
}
