namespace ReceiptGuard.Host.Settings;

/// <summary>
/// What the host asks of the extension's capture: how much of a page's resources to inline, and whether to take a
/// screenshot. The extension reads them (GET /api/settings) and follows changes pushed through the hub.
/// </summary>
public sealed record HostSettings(int MaxResourceBytes, int MaxTotalBytes, bool Screenshots)
{
    public const int MinResourceBytesLimit = 1024;
    public const int MaxResourceBytesLimit = 32 * 1024 * 1024;

    /// <remarks>
    /// Inlined as base64 a full 32 MiB budget is about 43 MiB of JSON: with the page's own markup and a screenshot it
    /// still fits the 64 MiB default snapshot body (ReceiptGuard:MaxSnapshotBytes), so no capture the extension makes
    /// within budget is refused with 413.
    /// </remarks>
    public const int MaxTotalBytesLimit = 32 * 1024 * 1024;

    public static HostSettings Defaults { get; } = new(MaxResourceBytes: 2 * 1024 * 1024, MaxTotalBytes: 20 * 1024 * 1024, Screenshots: true);
}

/// <summary>The wire form of PUT /api/settings, every member optional so a missing one is a 400 naming it.</summary>
public sealed class HostSettingsJson
{
    public int? MaxResourceBytes { get; set; }

    public int? MaxTotalBytes { get; set; }

    public bool? Screenshots { get; set; }
}

public static class HostSettingsValidator
{
    public static (HostSettings? Settings, Dictionary<string, string[]> Errors) Validate(HostSettingsJson json)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        if (json.MaxResourceBytes is not { } perResource)
        {
            Fail("maxResourceBytes", "is required: the largest single resource (image, font, style sheet) to inline, in bytes.");
        }
        else if (perResource is < HostSettings.MinResourceBytesLimit or > HostSettings.MaxResourceBytesLimit)
        {
            Fail("maxResourceBytes", $"must be between {HostSettings.MinResourceBytesLimit} (1 KiB) and {HostSettings.MaxResourceBytesLimit} (32 MiB).");
        }

        if (json.MaxTotalBytes is not { } total)
        {
            Fail("maxTotalBytes", "is required: the most to inline for one page, in bytes.");
        }
        else if (total > HostSettings.MaxTotalBytesLimit)
        {
            Fail("maxTotalBytes", $"must be at most {HostSettings.MaxTotalBytesLimit} (32 MiB).");
        }
        else if (json.MaxResourceBytes is { } resource and <= HostSettings.MaxResourceBytesLimit && total < resource)
        {
            Fail("maxTotalBytes", "must be at least maxResourceBytes: one resource may not be larger than the whole page's budget.");
        }
        else if (total < HostSettings.MinResourceBytesLimit)
        {
            Fail("maxTotalBytes", $"must be at least {HostSettings.MinResourceBytesLimit} (1 KiB).");
        }

        if (json.Screenshots is null)
        {
            Fail("screenshots", "is required: true to take a screenshot with each capture, false not to.");
        }

        return errors.Count > 0 ? (null, errors) : (new HostSettings(json.MaxResourceBytes!.Value, json.MaxTotalBytes!.Value, json.Screenshots!.Value), errors);
    }
}
