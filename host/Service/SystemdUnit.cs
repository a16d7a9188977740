using System.Globalization;
using System.Text;

namespace ReceiptGuard.Host.Service;

/// <summary>The systemd user unit that starts the host at login: pure text from a <see cref="HostLaunch"/>.</summary>
public static class SystemdUnit
{
    public const string FileName = "receiptguard.service";

    /// <summary>The first line of every unit install-service writes: how it recognises a unit it may replace or remove.</summary>
    public const string Marker = "# Written by ReceiptGuard.Host install-service.";

    /// <summary>
    /// Exit codes the host uses for "restarting will not help": 2 = bad command line or a non-loopback --urls,
    /// 3 = damaged store (see RunCommand). Exit 1 (address in use) may clear up, so it is retried, within the start limit.
    /// </summary>
    public static readonly IReadOnlyList<int> FatalExitCodes = [2, 3];

    public static string Render(HostLaunch launch, string urls)
    {
        var text = new StringBuilder();
        text.AppendLine(Marker);
        text.AppendLine("# install-service replaces it and uninstall-service removes it; edit with 'systemctl --user edit receiptguard' instead.");
        text.AppendLine("[Unit]");
        text.AppendLine(CultureInfo.InvariantCulture, $"Description=ReceiptGuard host: evidence of confirm-receipt clicks ({EscapeSpecifiers(urls)})");
        // A host that keeps failing (say, its port stays taken) stops after 5 tries in 5 minutes instead of spinning.
        text.AppendLine("StartLimitIntervalSec=300");
        text.AppendLine("StartLimitBurst=5");
        text.AppendLine();
        text.AppendLine("[Service]");
        text.AppendLine("Type=exec");
        text.AppendLine(CultureInfo.InvariantCulture, $"ExecStart={ExecLine(launch.CommandLine)}");
        if (launch.DotnetRoot is { } dotnetRoot)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Environment={QuoteWord("DOTNET_ROOT=" + dotnetRoot, forExec: false)}");
        }

        text.AppendLine("Restart=on-failure");
        text.AppendLine("RestartSec=5");
        text.AppendLine(CultureInfo.InvariantCulture, $"RestartPreventExitStatus={string.Join(' ', FatalExitCodes)}");
        text.AppendLine();
        text.AppendLine("[Install]");
        text.AppendLine("WantedBy=default.target");
        return text.ToString();
    }

    /// <summary>True when <paramref name="unitText"/> was written by install-service.</summary>
    public static bool IsOurs(string unitText) => unitText.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>
    /// An ExecStart= value: each word quoted as systemd needs, <c>%</c> doubled everywhere and <c>$</c> in the
    /// arguments (systemd expands variables there, not in the executable's path), so systemd expands nothing.
    /// </summary>
    /// <exception cref="UnitException">the executable is not an absolute path, or holds a character systemd refuses there.</exception>
    public static string ExecLine(IReadOnlyList<string> words)
    {
        if (words.Count == 0 || !words[0].StartsWith('/'))
        {
            throw new UnitException("systemd needs the host's absolute path to start it.");
        }

        // systemd rejects these in an executable's path ("Executable name contains special characters"), quoted or not.
        if (words[0].IndexOfAny(['"', '\'', '\\']) >= 0 || words[0].Any(char.IsControl))
        {
            throw new UnitException($"systemd cannot start a program whose path holds a quote, backslash or control character: {words[0]}. Move the host to a plainer folder and run install-service from there.");
        }

        return string.Join(' ', words.Select((word, index) => QuoteWord(word, forExec: index > 0)));
    }

    /// <summary>
    /// One word for a systemd command line or assignment: double quotes when it holds a space, quote, backslash,
    /// semicolon or control character (with C escapes inside), <c>%</c> as <c>%%</c> (specifiers), and for ExecStart's
    /// arguments (<paramref name="forExec"/>) <c>$</c> as <c>$$</c> (variable expansion).
    /// </summary>
    public static string QuoteWord(string word, bool forExec)
    {
        var escaped = new StringBuilder();
        var needsQuotes = word.Length == 0 || word == ";";
        foreach (var c in word)
        {
            switch (c)
            {
                case '%':
                    escaped.Append("%%");
                    break;
                case '$' when forExec:
                    escaped.Append("$$");
                    break;
                case '"' or '\\':
                    escaped.Append('\\').Append(c);
                    needsQuotes = true;
                    break;
                case '\'' or ';' or ' ':
                    escaped.Append(c);
                    needsQuotes = true;
                    break;
                case '\n':
                    escaped.Append("\\n");
                    needsQuotes = true;
                    break;
                case '\t':
                    escaped.Append("\\t");
                    needsQuotes = true;
                    break;
                // systemd splits words on ASCII white space only; other controls are escaped so the file stays one line each.
                case var control when char.IsControl(control):
                    escaped.Append(control < 0x80
                        ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)control:x2}")
                        : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)control:x4}"));
                    needsQuotes = true;
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return needsQuotes ? $"\"{escaped}\"" : escaped.ToString();
    }

    private static string EscapeSpecifiers(string text) => text.Replace("%", "%%", StringComparison.Ordinal);
}

/// <summary>A unit that systemd would refuse; the message says why and what to do.</summary>
public sealed class UnitException(string message) : Exception(message);
