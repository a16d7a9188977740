using System.Globalization;
using System.Text;

namespace ReceiptGuard.Host.Service;

/// <summary>Windows: a Task Scheduler entry that starts the host at logon, or a Startup-folder shortcut. Printed, never run.</summary>
public static class WindowsLogonTask
{
    public const string TaskName = "ReceiptGuard";

    /// <summary>schtasks /TR takes at most this many characters; a longer command line is cut off by Windows.</summary>
    public const int MaxTaskRunLength = 261;

    /// <summary>The command the task runs: each word quoted the way Windows programs split their command line.</summary>
    public static string TaskRun(HostLaunch launch) => string.Join(' ', launch.CommandLine.Select(word => QuoteArgument(word)));

    /// <summary>The schtasks line for Command Prompt; /TR is one argument holding a quoted command line.</summary>
    public static string SchtasksCreate(HostLaunch launch) =>
        $"schtasks /Create /TN {TaskName} /SC ONLOGON /TR {QuoteArgument(TaskRun(launch), always: true)} /RL LIMITED /F";

    public static string InstallSteps(HostLaunch launch)
    {
        var run = TaskRun(launch);
        var text = new StringBuilder();
        text.AppendLine("Windows: start the host at logon with Task Scheduler. In Command Prompt (cmd.exe, not PowerShell, which quotes differently):");
        text.AppendLine();
        text.AppendLine("  " + SchtasksCreate(launch));
        text.AppendLine();
        if (run.Length > MaxTaskRunLength)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  Warning: the command is {run.Length} characters; schtasks keeps only {MaxTaskRunLength}. Use the Startup folder below,");
            text.AppendLine("  or a shorter --data folder.");
        }

        text.AppendLine("  Task Scheduler stops a task after 72 hours by default: in Task Scheduler open ReceiptGuard > Properties > Settings,");
        text.AppendLine("  clear \"Stop the task if it runs longer than\" and tick \"If the task fails, restart every 1 minute\".");
        text.AppendLine("  If schtasks says \"Access is denied\", run it from an administrator Command Prompt or use the Startup folder.");
        text.AppendLine();
        text.AppendLine("Or, without Task Scheduler: press Win+R, type shell:startup, and in that folder make a shortcut");
        text.AppendLine("(right-click > New > Shortcut) with this target:");
        text.AppendLine();
        text.AppendLine("  " + run);
        text.AppendLine();
        text.AppendLine("Either way a console window shows the host while it runs; closing it stops the host.");
        return text.ToString();
    }

    public static string RemoveSteps() =>
        $"""
        Windows: remove the logon task (Command Prompt):

          schtasks /Delete /TN {TaskName} /F

        and, if you made one, the ReceiptGuard shortcut in the Startup folder (Win+R, shell:startup).
        """;

    /// <summary>
    /// One argument as CommandLineToArgvW and the C runtime read it back: quoted when empty or holding a space, tab
    /// or quote (or when <paramref name="always"/>); backslashes are doubled only before a quote, which is escaped.
    /// </summary>
    public static string QuoteArgument(string argument, bool always = false)
    {
        if (!always && argument.Length > 0 && argument.IndexOfAny([' ', '\t', '"']) < 0)
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            // Backslashes before a quote (and before the closing quote) are doubled; elsewhere they are literal.
            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            quoted.Append(c);
        }

        quoted.Append('\\', backslashes * 2).Append('"');
        return quoted.ToString();
    }
}
