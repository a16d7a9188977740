namespace ReceiptGuard.Bench;

/// <summary>
/// One way of turning the loaded page into HTML, as the capture benchmark runs it in a page world.
/// </summary>
/// <param name="Name">How the figures name it.</param>
/// <param name="Setup">Script evaluated once in the engine's world before any run (the engine's bundle), or null.</param>
/// <param name="Call">An expression whose value (or promise) is the engine's result; the timed part.</param>
/// <param name="Html">An expression that takes <c>result</c> to the output HTML (not timed).</param>
public sealed record CaptureEngine(string Name, string? Setup, string Call, string Html)
{
    /// <summary>The serializer under test: extension/dist/capture.js, an IIFE that defines globalThis.receiptGuardCapture.</summary>
    public static CaptureEngine ReceiptGuard(string script) =>
        new("ReceiptGuard", script, "globalThis.receiptGuardCapture()", "result.html");

    /// <summary>
    /// SingleFile's own engine (npm single-file-core, bundled by scripts/single-file-peer.mjs as single-file-cli does),
    /// called as single-file-cli calls it in a page: <c>singlefile.getPageData(options)</c> in an isolated world, with
    /// single-file-cli's default options. Two departures, both things our capture does not do: no waiting for
    /// lazy-loaded images (scrolling and up to 1.5 s of idle waiting) and no ZIP/self-extracting output.
    /// </summary>
    public static CaptureEngine SingleFile(string script) =>
        new("SingleFile", script, $"globalThis.singlefile.getPageData({SingleFileOptions})", "result.content");

    /// <summary>The floor: the browser's own serialisation, no resources inlined.</summary>
    public static CaptureEngine OuterHtml { get; } = new("outerHTML", null, "document.documentElement.outerHTML", "result");

    /// <summary>single-file-cli's DEFAULT_OPTIONS and option defaults that apply to one page in a browser.</summary>
    private const string SingleFileOptions = """
        {
          url: location.href,
          removeHiddenElements: true, removeUnusedStyles: true, removeUnusedFonts: true, removeAlternativeFonts: true,
          removeAlternativeMedias: true, removeAlternativeImages: true, removeNoScriptTags: true, compressHTML: true,
          groupDuplicateImages: true, maxSizeDuplicateImages: 524288, maxResourceSizeEnabled: false, maxResourceSize: 10,
          saveFavicon: true, insertMetaCSP: true, insertSingleFileComment: true, resolveLinks: true,
          blockScripts: true, blockVideos: true, blockAudios: true, blockAlternativeImages: true,
          removeFrames: false, loadDeferredImages: false, compressContent: false, selfExtractingArchive: false,
          acceptHeaders: {
            font: 'application/font-woff2;q=1.0,application/font-woff;q=0.9,*/*;q=0.8',
            image: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8',
            stylesheet: 'text/css,*/*;q=0.1',
            script: '*/*',
            document: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
          }
        }
        """;
}
