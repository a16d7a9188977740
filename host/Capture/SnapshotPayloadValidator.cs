using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReceiptGuard.Host.Capture;

/// <summary>Checks a v1 payload field by field; every problem is reported under the field's JSON name.</summary>
public static partial class SnapshotPayloadValidator
{
    public const int MaxUrlLength = 8192;
    public const int MaxTitleLength = 2048;
    public const int MaxButtonTextLength = 256;
    public const int MaxEmbeddedTypeLength = 256;
    public const int MaxScreenshotErrorLength = 500;

    /// <summary>20 MiB decoded: a full-HD tab as PNG is a few MB; more than this is not a screenshot.</summary>
    public const int MaxScreenshotBytes = 20 * 1024 * 1024;

    private static readonly (string Prefix, string MediaType)[] ScreenshotPrefixes =
    [
        ("data:image/png;base64,", "image/png"),
        ("data:image/jpeg;base64,", "image/jpeg"),
    ];

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>SOI (FF D8) and the first byte of the next marker: every JPEG starts so.</summary>
    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF];

    /// <summary>Non-ASCII kept readable in the stored context; it is only ever served as JSON.</summary>
    private static readonly JsonWriterOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The first part over its own limit (page, embedded data), checked before anything is decoded or stored.</summary>
    public static (string Field, string Message)? FindOversized(SnapshotPayloadJson json, CaptureOptions limits)
    {
        if (json.Html is { } html && (long)html.Length > limits.MaxPageBytes / 3 && Encoding.UTF8.GetByteCount(html) > limits.MaxPageBytes)
        {
            return ("html", $"is larger than this host accepts for a page ({limits.MaxPageBytes} bytes as UTF-8).");
        }

        long embedded = 0;
        foreach (var script in json.EmbeddedData ?? [])
        {
            embedded += script?.Text is { } text ? Encoding.UTF8.GetByteCount(text) : 0;
            if (embedded > limits.MaxEmbeddedDataBytes)
            {
                return ("embeddedData", $"is larger than this host accepts for embedded data ({limits.MaxEmbeddedDataBytes} bytes of script text in all).");
            }
        }

        return null;
    }

    public static (SnapshotPayload? Payload, Dictionary<string, string[]> Errors) Validate(SnapshotPayloadJson json)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        if (json.V is null)
        {
            Fail("v", "is required: the protocol version, 1.");
        }
        else if (json.V != SnapshotPayload.Version)
        {
            Fail("v", $"version {json.V} is not supported; this host understands version {SnapshotPayload.Version}.");
        }

        Guid id = default;
        if (string.IsNullOrEmpty(json.Id))
        {
            Fail("id", "is required: a UUID made by the extension, used as the idempotency key.");
        }
        else if (!Guid.TryParseExact(json.Id, "D", out id) || id == Guid.Empty)
        {
            Fail("id", "must be a UUID such as 0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20.");
        }

        Uri? url = null;
        if (string.IsNullOrEmpty(json.Url))
        {
            Fail("url", "is required: the address of the captured page.");
        }
        else if (json.Url.Length > MaxUrlLength)
        {
            Fail("url", $"is longer than {MaxUrlLength} characters.");
        }
        else if (!Uri.TryCreate(json.Url, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            Fail("url", "must be an absolute http or https URL.");
        }

        if (json.Title is null)
        {
            Fail("title", "is required (it may be empty when the page has no title).");
        }
        else if (json.Title.Length > MaxTitleLength)
        {
            Fail("title", $"is longer than {MaxTitleLength} characters.");
        }

        DateTimeOffset capturedAt = default;
        if (string.IsNullOrEmpty(json.CapturedAt))
        {
            Fail("capturedAt", "is required: when the page was captured, as an ISO 8601 time with offset (e.g. 2026-11-26T08:00:00.000Z).");
        }
        else if (!DateTimeOffset.TryParse(json.CapturedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out capturedAt)
                 || !HasExplicitOffset().IsMatch(json.CapturedAt))
        {
            Fail("capturedAt", "must be an ISO 8601 time with an offset or Z, e.g. 2026-11-26T08:00:00.000Z.");
        }

        if (string.IsNullOrEmpty(json.Html))
        {
            Fail("html", "is required: the captured page.");
        }

        var capture = CaptureKind.Guard;
        switch (json.Capture)
        {
            case null or "guard":
                break;
            case "manual":
                capture = CaptureKind.Manual;
                break;
            default:
                Fail("capture", $"'{Truncate(json.Capture)}' is not one of 'guard', 'manual'.");
                break;
        }

        Decision decision = default;
        switch (json.Decision)
        {
            case null or "":
                Fail("decision", "is required: 'confirmed', 'cancelled', or 'none' for a manual capture.");
                break;
            case "confirmed":
                decision = Decision.Confirmed;
                break;
            case "cancelled":
                decision = Decision.Cancelled;
                break;
            case "none" when capture == CaptureKind.Manual:
                decision = Decision.None;
                break;
            case "none":
                Fail("decision", "'none' is only for a manual capture (capture: 'manual'); a held click is 'confirmed' or 'cancelled'.");
                break;
            default:
                Fail("decision", $"'{Truncate(json.Decision)}' is not one of 'confirmed', 'cancelled', 'none'.");
                break;
        }

        if (string.IsNullOrEmpty(json.Site))
        {
            Fail("site", "is required: the platform the page belongs to, e.g. 'taobao'.");
        }
        else if (!SiteName().IsMatch(json.Site))
        {
            Fail("site", "must be a short lower-case platform name (letters, digits, '-').");
        }

        if (json.ButtonText is null)
        {
            Fail("buttonText", "is required: the text of the control that was clicked.");
        }
        else if (json.ButtonText.Length > MaxButtonTextLength)
        {
            Fail("buttonText", $"is longer than {MaxButtonTextLength} characters.");
        }

        // Optional: the id of the order the clicked control belongs to, as the page shows it.
        if (json.OrderHint is { } hint && !OrderId().IsMatch(hint))
        {
            Fail("orderHint", "must be an order id as shown on the page: 1 to 64 letters, digits, '-' or '_'.");
        }

        var embeddedData = ValidateEmbeddedData(json.EmbeddedData, Fail);
        var screenshot = json.Screenshot is null ? null : ValidateScreenshot(json.Screenshot, Fail);

        if (json.ScreenshotError is { Length: > MaxScreenshotErrorLength })
        {
            Fail("screenshotError", $"is longer than {MaxScreenshotErrorLength} characters.");
        }

        string? context = null;
        if (json.Context is { ValueKind: not JsonValueKind.Null } contextJson)
        {
            ValidateContext(contextJson, Fail);
            context = Compact(contextJson);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new SnapshotPayload(
            id, url!, json.Title!, capturedAt.ToUniversalTime(), json.Html!, decision, json.Site!, json.ButtonText!, json.OrderHint, capture,
            embeddedData, screenshot, json.ScreenshotError, context), errors);
    }

    private static List<EmbeddedScript> ValidateEmbeddedData(IReadOnlyList<EmbeddedScriptJson?>? items, Action<string, string> fail)
    {
        var scripts = new List<EmbeddedScript>(items?.Count ?? 0);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var field = $"embeddedData[{i}]";
            switch (items![i])
            {
                case null:
                    fail(field, "must be an object {type, text}.");
                    break;
                case { Type: null }:
                    fail($"{field}.type", "is required: the script's type attribute, or 'text/javascript'.");
                    break;
                case { Type.Length: > MaxEmbeddedTypeLength }:
                    fail($"{field}.type", $"is longer than {MaxEmbeddedTypeLength} characters.");
                    break;
                case { Text: null }:
                    fail($"{field}.text", "is required: the script's text.");
                    break;
                case { Type: { } type, Text: { } text }:
                    scripts.Add(new EmbeddedScript(type, text));
                    break;
            }
        }

        return scripts;
    }

    private static Screenshot? ValidateScreenshot(string dataUrl, Action<string, string> fail)
    {
        var (prefix, mediaType) = ScreenshotPrefixes.FirstOrDefault(p => dataUrl.StartsWith(p.Prefix, StringComparison.Ordinal));
        if (prefix is null)
        {
            fail("screenshot", "must be a data URL starting data:image/png;base64, or data:image/jpeg;base64, (or null when there is none).");
            return null;
        }

        var base64 = dataUrl.AsSpan(prefix.Length);
        // Refuse by length before decoding: 4 base64 characters carry 3 bytes.
        if ((long)base64.Length / 4 * 3 > MaxScreenshotBytes + 2)
        {
            fail("screenshot", $"is larger than {MaxScreenshotBytes / 1024 / 1024} MB decoded.");
            return null;
        }

        var bytes = new byte[base64.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64Chars(base64, bytes, out var length) || length == 0)
        {
            fail("screenshot", "is not valid base64 after the data URL prefix.");
            return null;
        }

        if (length > MaxScreenshotBytes)
        {
            fail("screenshot", $"is larger than {MaxScreenshotBytes / 1024 / 1024} MB decoded.");
            return null;
        }

        var image = bytes.AsMemory(0, length);
        var signature = mediaType == "image/png" ? PngSignature : JpegStart;
        if (!image.Span.StartsWith(signature))
        {
            fail("screenshot", $"declares {mediaType} but its bytes are not a {(mediaType == "image/png" ? "PNG" : "JPEG")} image.");
            return null;
        }

        return new Screenshot(mediaType, image);
    }

    /// <summary>Checks the members the host reads (the UI shows them); members it does not know are kept as they are.</summary>
    private static void ValidateContext(JsonElement context, Action<string, string> fail)
    {
        if (context.ValueKind != JsonValueKind.Object)
        {
            fail("context", "must be a JSON object (or absent).");
            return;
        }

        void Expect(string name, JsonValueKind kind, string what)
        {
            if (context.TryGetProperty(name, out var value) && value.ValueKind != kind)
            {
                fail($"context.{name}", $"must be {what}.");
            }
        }

        Expect("timeZone", JsonValueKind.String, "a string: the IANA time zone, e.g. 'Asia/Shanghai'");
        Expect("utcOffsetMinutes", JsonValueKind.Number, "a number: local time minus UTC in minutes");
        Expect("userAgent", JsonValueKind.String, "a string");
        Expect("language", JsonValueKind.String, "a string, e.g. 'zh-CN'");
        Expect("extensionVersion", JsonValueKind.String, "a string");
        Expect("viewport", JsonValueKind.Object, "an object {width, height, devicePixelRatio}");
        Expect("serializer", JsonValueKind.Object, "an object: the serializer's report");

        // null: a manual capture has no checklist.
        if (context.TryGetProperty("checklist", out var checklist) && checklist.ValueKind != JsonValueKind.Null
            && (checklist.ValueKind != JsonValueKind.Object
                || checklist.EnumerateObject().Any(item => item.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))))
        {
            fail("context.checklist", "must be an object of checklist item id → true/false, or null.");
        }
    }

    /// <summary>The context as one line of JSON: what is stored, served and fingerprinted.</summary>
    private static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CompactJson))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex SiteName();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex OrderId();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasExplicitOffset();
}
