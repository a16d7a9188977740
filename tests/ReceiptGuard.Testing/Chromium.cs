namespace ReceiptGuard.Testing;

/// <summary>The real Chromium the tests drive: Debian's, unless RECEIPTGUARD_CHROMIUM names another binary.</summary>
public static class Chromium
{
    public const string EnvironmentVariable = "RECEIPTGUARD_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/lib/chromium-browser/chromium-browser"];

    public static string ExecutablePath()
    {
        var chosen = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(chosen))
        {
            return File.Exists(chosen)
                ? chosen
                : throw new InvalidOperationException($"{EnvironmentVariable}={chosen} does not exist.");
        }

        return Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "Chromium is not installed. Install it with: sudo apt-get install -y chromium fonts-wqy-microhei " +
                $"(or set {EnvironmentVariable} to a Chromium binary). 'npm test' does this for you when run as root.");
    }
}
