using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace ReceiptGuard.Host.Cli;

/// <summary>What a saved page says about itself: where it came from, when it was saved, its title.</summary>
public sealed record SavedPageInfo(string? Url, DateTimeOffset? SavedAt, string Title);

/// <summary>
/// Reads provenance from pages saved outside the extension: Chrome's "Save page as" (<c>saved from url=</c>),
/// SingleFile's header comment (<c>url:</c> and <c>saved date:</c>), ReceiptGuard's own provenance comment, and
/// <c>&lt;link rel=canonical&gt;</c> as the last resort for the address.
/// </summary>
public static partial class SavedPage
{
    public static SavedPageInfo Read(string html)
    {
        var singleFile = SingleFileHeader().Match(html);
        var url = singleFile.Success ? singleFile.Groups["url"].Value : ParseCommand.SavedFromUrl(html);
        var savedAt = singleFile.Success ? ParseSingleFileDate(singleFile.Groups["date"].Value) : null;
        var title = new HtmlParser().ParseDocument(html).Title?.Trim() ?? "";
        return new SavedPageInfo(url, savedAt, title);
    }

    /// <summary>"Thu Nov 26 2026 10:00:00 GMT+0800 (China Standard Time)", as JavaScript's Date prints it.</summary>
    private static DateTimeOffset? ParseSingleFileDate(string text)
    {
        var match = JsDate().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var offset = match.Groups["offset"].Value;
        var iso = $"{match.Groups["date"].Value} {offset[..3]}:{offset[3..]}";
        return DateTimeOffset.TryParseExact(iso, "MMM d yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
    }

    [GeneratedRegex(@"<!--\s*Page saved with SingleFile\s*(?:\r?\n)\s*url:\s*(?<url>\S+)\s*(?:\r?\n)\s*saved date:\s*(?<date>[^\r\n]*)", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex SingleFileHeader();

    [GeneratedRegex(@"^\s*\w{3}\s+(?<date>\w{3}\s+\d{1,2}\s+\d{4}\s+\d{2}:\d{2}:\d{2})\s+GMT(?<offset>[+-]\d{4})", RegexOptions.None, 1000)]
    private static partial Regex JsDate();
}
