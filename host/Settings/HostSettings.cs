namespace ReceiptGuard.Host.Settings;

/// <summary>
/// What the host asks of the extension's capture: how much of a page's resources to inline, and whether to take a
/// screenshot. The extension reads them (GET /api/settings) and follows changes pushed through the hub.
/// </summary>
public sealed record HostSettings(int MaxResourceBytes, int MaxTotalBytes, bool Screenshots)
{
    public const int MinResourceBytesLimit = 1024;
    public const int MaxResourceBytesLimit = 50 * 1024 * 1024;

    /// <remarks>
    /// Inlined as base64 a full 60 MiB budget is about 80 MiB of JSON, more than the 64 MiB default snapshot body
    /// (ReceiptGuard:MaxSnapshotBytes): a page that really uses it is refused with 413. The extension has to count its
    /// budget in encoded bytes, or the two limits have to move together.
    /// </remarks>
    public const int MaxTotalBytesLimit = 60 * 1024 * 1024;

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
            Fail("maxResourceBytes", $"must be between {HostSettings.MinResourceBytesLimit} (1 KiB) and {HostSettings.MaxResourceBytesLimit} (50 MiB).");
        }

        if (json.MaxTotalBytes is not { } total)
        {
            Fail("maxTotalBytes", "is required: the most to inline for one page, in bytes.");
        }
        else if (total > HostSettings.MaxTotalBytesLimit)
        {
            Fail("maxTotalBytes", $"must be at most {HostSettings.MaxTotalBytesLimit} (60 MiB).");
        }
        else if (json.MaxResourceBytes is { } resource && total < resource)
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
