using System.Globalization;
using System.Text.RegularExpressions;

namespace ReceiptGuard.Host.Capture;

/// <summary>Checks a v1 payload field by field; every problem is reported under the field's JSON name.</summary>
public static partial class SnapshotPayloadValidator
{
    public const int MaxUrlLength = 8192;
    public const int MaxTitleLength = 2048;
    public const int MaxButtonTextLength = 256;

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

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new SnapshotPayload(id, url!, json.Title!, capturedAt.ToUniversalTime(), json.Html!, decision, json.Site!, json.ButtonText!, json.OrderHint, capture), errors);
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex SiteName();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex OrderId();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasExplicitOffset();
}
