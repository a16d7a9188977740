using System.Text;
using System.Xml.Linq;

namespace ReceiptGuard.Host.Service;

/// <summary>The macOS LaunchAgent that starts the host at login: a property list, built as XML so every value is escaped.</summary>
public static class LaunchAgent
{
    public const string Label = "app.receiptguard.host";

    public const string RelativePath = "Library/LaunchAgents/" + Label + ".plist";

    /// <param name="logFile">Where launchd writes the host's output (an absolute path; launchd expands nothing).</param>
    public static string RenderPlist(HostLaunch launch, string logFile)
    {
        var dict = new XElement("dict",
            Key("Label"), new XElement("string", Label),
            Key("ProgramArguments"), new XElement("array", launch.CommandLine.Select(word => new XElement("string", word))),
            Key("RunAtLoad"), new XElement("true"),
            // Restarted after a crash (a signal), not after the host exits with an error on purpose (bad options,
            // damaged store): launchd has no list of exit codes not to retry, and retrying those cannot help.
            Key("KeepAlive"), new XElement("dict", Key("Crashed"), new XElement("true")),
            Key("ThrottleInterval"), new XElement("integer", "10"),
            Key("StandardOutPath"), new XElement("string", logFile),
            Key("StandardErrorPath"), new XElement("string", logFile));
        if (launch.DotnetRoot is { } dotnetRoot)
        {
            dict.Add(Key("EnvironmentVariables"), new XElement("dict", Key("DOTNET_ROOT"), new XElement("string", dotnetRoot)));
        }

        var plist = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XDocumentType("plist", "-//Apple//DTD PLIST 1.0//EN", "http://www.apple.com/DTDs/PropertyList-1.0.dtd", null),
            new XElement("plist", new XAttribute("version", "1.0"), dict));
        using var writer = new Utf8StringWriter();
        plist.Save(writer);
        return writer.ToString() + "\n";
    }

    /// <summary>Shell steps that write the plist and load it; printed, never run.</summary>
    public static string InstallSteps(HostLaunch launch, string logFile) =>
        $"""
        macOS: start the host at login with a LaunchAgent. In Terminal:

        mkdir -p ~/Library/LaunchAgents
        cat > ~/{RelativePath} <<'PLIST'
        {RenderPlist(launch, logFile).TrimEnd('\n')}
        PLIST
        launchctl bootstrap gui/$(id -u) ~/{RelativePath}

        It starts now and at every login, and again after a crash; its output goes to {logFile}.
        Check it with: launchctl print gui/$(id -u)/{Label}
        """;

    public static string RemoveSteps() =>
        $"""
        macOS: remove the LaunchAgent. In Terminal:

        launchctl bootout gui/$(id -u)/{Label}
        rm ~/{RelativePath}
        """;

    private static XElement Key(string name) => new("key", name);

    /// <summary>StringWriter says UTF-16; the declaration must say UTF-8, which the file will be.</summary>
    private sealed class Utf8StringWriter : StringWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
