namespace ReceiptGuard.Host.Cli;

public static class ReceiptGuardDefaults
{
    /// <summary>The host's fixed default port; the extension's default host URL points here.</summary>
    public const int Port = 47831;

    public const string Url = "http://127.0.0.1:47831";

    public const string DataEnvironmentVariable = "RECEIPTGUARD_DATA";

    /// <summary>Configuration key that the data folder is read from (set by --data, the environment variable or tests).</summary>
    public const string DataDirectoryKey = "ReceiptGuard:DataDirectory";

    public static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ReceiptGuard");

    /// <summary>--data, then RECEIPTGUARD_DATA, then the user's local application data folder.</summary>
    public static string ResolveDataDirectory(string? fromCommandLine, string? fromConfiguration = null)
    {
        var chosen = fromCommandLine
            ?? fromConfiguration
            ?? Environment.GetEnvironmentVariable(DataEnvironmentVariable);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(chosen) ? DefaultDataDirectory() : chosen);
    }
}
