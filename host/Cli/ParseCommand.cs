using System.Text.RegularExpressions;
using ReceiptGuard.Host.Parsing;

namespace ReceiptGuard.Host.Cli;

/// <summary>
/// <c>parse FILE [--url URL] [--hint ORDERID]</c>: parse a saved order page and print the result as JSON, to check what
/// the parsers read from a page without running the host. The page's URL picks the parser; a page saved by a browser
/// or by ReceiptGuard says where it came from, so --url is only needed for pages that do not.
/// </summary>
public static partial class ParseCommand
{
    public static async Task<int> RunAsync(CommandLine cli, TextWriter output, TextWriter error)
    {
        if (cli.Positionals.Count != 1)
        {
            await error.WriteLineAsync("error: parse needs one FILE: parse FILE [--url URL] [--hint ORDERID]");
            return 2;
        }

        var file = cli.Positionals[0];
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"error: no such file: {file}");
            return 2;
        }

        var html = PageDecoder.Decode(await File.ReadAllBytesAsync(file));
        var url = cli.Option("url") ?? SavedFromUrl(html);
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            await error.WriteLineAsync(url is null
                ? $"error: {file} does not say which URL it was saved from; pass --url URL (the page's address picks the parser)."
                : $"error: '{url}' is not an absolute URL.");
            return 2;
        }

        var parsed = PageParser.Parse(html, uri, orderHint: cli.Option("hint"));
        await output.WriteLineAsync(ParsedPageJson.Serialize(parsed));
        return 0;
    }

    /// <summary>
    /// The address a saved page records: Chrome's "Save page as" comment, ReceiptGuard's provenance comment, else
    /// <c>&lt;link rel=canonical&gt;</c>.
    /// </summary>
    public static string? SavedFromUrl(string html)
    {
        var match = ChromeSavedFrom().Match(html);
        if (!match.Success)
        {
            match = ReceiptGuardSavedFrom().Match(html);
        }

        if (!match.Success)
        {
            match = Canonical().Match(html);
        }

        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups["url"].Value) : null;
    }

    [GeneratedRegex(@"<!--\s*saved from url=\(\d+\)(?<url>\S+?)\s*-->", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ChromeSavedFrom();

    [GeneratedRegex(@"<!--\s*Saved by ReceiptGuard\s+\S+\s+from\s+(?<url>\S+)", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ReceiptGuardSavedFrom();

    [GeneratedRegex("""<link\b(?=[^>]*\brel\s*=\s*["']?canonical\b)[^>]*\bhref\s*=\s*["']?(?<url>[^"'\s>]+)""", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Canonical();
}
