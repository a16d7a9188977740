namespace ReceiptGuard.Host.Service;

/// <summary>
/// How a service manager should start this host: an absolute executable and its arguments, ending in
/// <c>run --data FOLDER --urls URLS</c>. Every platform's unit, plist or task is rendered from one of these.
/// </summary>
/// <param name="DotnetRoot">DOTNET_ROOT as this process saw it, passed on so a framework-dependent host finds its
/// runtime when started outside the user's shell (null when unset).</param>
public sealed record HostLaunch(string Executable, IReadOnlyList<string> Arguments, string? DotnetRoot = null)
{
    public const string HostName = "ReceiptGuard.Host";

    /// <summary>The executable followed by its arguments.</summary>
    public IReadOnlyList<string> CommandLine => [Executable, .. Arguments];

    /// <summary>The command as a POSIX shell would take it, for people to read (and paste).</summary>
    public string ToShellCommand() => string.Join(' ', CommandLine.Select(ShellQuote));

    private static string ShellQuote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-:=+,@".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// This host, started the way it was started now: the (published) <c>ReceiptGuard.Host</c> executable itself, or
    /// <c>dotnet ReceiptGuard.Host.dll</c> when dotnet runs it.
    /// </summary>
    /// <returns>null when <paramref name="processPath"/> is neither (the caller says so; guessing could install a unit
    /// that starts something else).</returns>
    public static HostLaunch? For(string? processPath, string hostAssembly, string dataDirectory, string urls, string? dotnetRoot)
    {
        if (string.IsNullOrEmpty(processPath))
        {
            return null;
        }

        string[] run = ["run", "--data", Path.GetFullPath(dataDirectory), "--urls", urls];
        // Not GetFileNameWithoutExtension: that would take ".Host" for an extension.
        var name = Path.GetFileName(processPath);
        if (name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^".exe".Length];
        }

        if (name.Equals(HostName, StringComparison.OrdinalIgnoreCase))
        {
            return new HostLaunch(Path.GetFullPath(processPath), run, NullIfEmpty(dotnetRoot));
        }

        // A single-file host has no assembly location; it is always started as ReceiptGuard.Host, handled above.
        if (name.Equals("dotnet", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(hostAssembly))
        {
            return new HostLaunch(Path.GetFullPath(processPath), [Path.GetFullPath(hostAssembly), .. run], NullIfEmpty(dotnetRoot));
        }

        return null;
    }

    /// <summary><see cref="For"/> with this process's own path, assembly and environment.</summary>
    public static HostLaunch? ForThisProcess(string dataDirectory, string urls) =>
        For(Environment.ProcessPath, typeof(HostLaunch).Assembly.Location, dataDirectory, urls, Environment.GetEnvironmentVariable("DOTNET_ROOT"));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
