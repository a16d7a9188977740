namespace ReceiptGuard.Host.Cli;

/// <summary>
/// The host's command line: <c>[command] [--data DIR] [--urls URL] [args…]</c>. Only what every command shares is
/// parsed here; each command reads its own options from <see cref="Options"/> and <see cref="Positionals"/>.
/// </summary>
public sealed record CommandLine(
    string Command,
    IReadOnlyList<string> Rest,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<string> Positionals)
{
    public const string DefaultCommand = "run";

    public static readonly IReadOnlySet<string> Commands = new HashSet<string>(StringComparer.Ordinal) { "run", "parse", "reparse", "import", "export", "verify", "backup", "restore", "install-service", "uninstall-service", "help" };

    /// <summary>Options that take no value (present means "true").</summary>
    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(StringComparer.Ordinal) { "all", "older", "force", "allow-non-loopback", "no-start" };

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;

    /// <exception cref="CommandLineException">an option is missing its value or the command is unknown.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var command = DefaultCommand;
        var start = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            command = args[0];
            start = 1;
        }
        else if (args.Count > 0 && args[0] is "-h" or "--help")
        {
            return new CommandLine("help", [], new Dictionary<string, string>(), []);
        }

        if (!Commands.Contains(command))
        {
            throw new CommandLineException($"unknown command '{command}'. Commands: {string.Join(", ", Commands)}.");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positionals = new List<string>();
        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(arg);
                continue;
            }

            var name = arg[2..];
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (Flags.Contains(name))
            {
                options[name] = "true";
            }
            else if (eq >= 0)
            {
                options[name[..eq]] = name[(eq + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[name] = args[++i];
            }
            else
            {
                throw new CommandLineException($"option --{name} needs a value.");
            }
        }

        return new CommandLine(command, args.Skip(start).ToArray(), options, positionals);
    }

    public const string Usage = """
        ReceiptGuard host

        Usage: ReceiptGuard.Host [command] [options]

        Commands:
          run            serve the API, the SignalR hub and the review UI (the default)
          parse FILE     parse a saved order page and print what was found as JSON
                         --url URL       the page's address (else read from the saved page)
                         --hint ORDERID  the order to mark as the subject
          reparse        parse stored snapshots again with this version's parsers; the stored pages are not changed
                           --older  snapshots never parsed, failed, or parsed by older parsers (the default)
                           --all    every stored snapshot
          import FILE…   bring saved pages ("Save page as", SingleFile) into the store as manual snapshots
                           --url URL  the pages' address when they do not say it
          export         write a verifiable bundle: export (--order ID | --snapshot ID | --all) --out FILE
                           --format zip|wacz  a ZIP with manifests, signatures and custody log (default), or a WACZ web archive
          verify [FILE]  check an exported bundle (zip or wacz), or with no FILE the whole store; exit 0 when intact
          backup DIR     copy the store into a new folder, safely while the host runs: the database (SQLite online
                         backup), the artifacts it refers to, keys/ and a manifest with counts and the database's SHA-256
          restore DIR    check a backup (every file's hash, then the store check) and put it into the data folder;
                         refuses while a host runs on it, and a non-empty folder unless --force (kept aside, not deleted)
          install-service
                         start the host at login with this --data and --urls. Linux: writes the systemd user unit
                         receiptguard.service (in $XDG_CONFIG_HOME/systemd/user) and enables and starts it with
                         systemctl --user; Windows and macOS: prints the steps (a logon task, a LaunchAgent)
                           --no-start       only write the unit
                           --unit-dir DIR   write it into DIR instead
                           --platform linux|windows|macos  print another platform's steps
                           --force          replace a receiptguard.service that install-service did not write
          uninstall-service
                         stop and disable the service and remove its unit (takes --unit-dir, --no-start, --platform, --force)
          help           show this text

        Options:
          --data DIR     data folder (else RECEIPTGUARD_DATA, else the user's local application data folder)
          --urls URL     where to listen; loopback only (default http://127.0.0.1:47831)
          --allow-non-loopback
                         run: let --urls name a non-loopback address (with a warning); the API is then reachable from the network
        """;
}

public sealed class CommandLineException(string message) : Exception(message);
