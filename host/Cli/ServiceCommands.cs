using ReceiptGuard.Host.Service;

namespace ReceiptGuard.Host.Cli;

public enum ServicePlatform
{
    Linux,
    Windows,
    MacOS,
}

/// <summary>What the service commands take from the machine, replaceable in tests (no real systemctl, no real home).</summary>
/// <param name="Launch">How to start this host with a data folder and URLs; null when that cannot be told.</param>
/// <param name="Systemctl">null when systemctl is not on PATH.</param>
public sealed record ServiceEnvironment(
    Func<string, string, HostLaunch?> Launch,
    Systemctl? Systemctl,
    string UserUnitDirectory,
    string HomeDirectory,
    ServicePlatform CurrentPlatform)
{
    public static ServiceEnvironment ForThisMachine()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        var configRoot = string.IsNullOrEmpty(config) || !Path.IsPathRooted(config) ? Path.Combine(home, ".config") : config;
        var platform = OperatingSystem.IsWindows() ? ServicePlatform.Windows : OperatingSystem.IsMacOS() ? ServicePlatform.MacOS : ServicePlatform.Linux;
        return new ServiceEnvironment(HostLaunch.ForThisProcess, Systemctl.FromPath(), Path.Combine(configRoot, "systemd", "user"), home, platform);
    }
}

/// <summary>
/// <c>install-service</c> / <c>uninstall-service</c>: start the host at login. On Linux a systemd user unit is written
/// (the deliverable: exit 0 once it is written, even when systemctl cannot start it here, with the commands to run);
/// on Windows and macOS the equivalent steps are printed, never run. A unit that install-service did not write is
/// neither replaced nor removed unless --force.
/// </summary>
public static class ServiceCommands
{
    public const string InstallUsage = "install-service [--data DIR] [--urls URL] [--no-start] [--unit-dir DIR] [--platform linux|windows|macos] [--force]";

    public const string UninstallUsage = "uninstall-service [--unit-dir DIR] [--no-start] [--platform linux|windows|macos] [--force]";

    private const string Unit = SystemdUnit.FileName;

    private static readonly string[] DaemonReload = ["daemon-reload"];

    private static readonly string[] EnableNow = ["enable", "--now", Unit];

    private static readonly string[] Restart = ["restart", Unit];

    private static readonly string[] Stop = ["stop", Unit];

    private static readonly string[] DisableNow = ["disable", "--now", Unit];

    private static readonly string[] InstallOptions = ["data", "urls", "no-start", "unit-dir", "platform", "force"];

    private static readonly string[] UninstallOptions = ["unit-dir", "no-start", "platform", "force"];

    public static async Task<int> InstallAsync(CommandLine cli, TextWriter output, TextWriter error, ServiceEnvironment? machine = null)
    {
        machine ??= ServiceEnvironment.ForThisMachine();
        if (await CheckOptionsAsync(cli, InstallOptions, InstallUsage, machine, error) is not { } platform)
        {
            return 2;
        }

        var data = ReceiptGuardDefaults.ResolveDataDirectory(cli.Option("data"));
        var urls = cli.Option("urls") ?? ReceiptGuardDefaults.Url;
        if (LoopbackUrls.FindNonLoopback(urls) is { } refusal)
        {
            // The service never gets --allow-non-loopback: a host reachable from the network is not started silently at login.
            await error.WriteLineAsync($"error: {refusal} Nothing installed.");
            return 2;
        }

        if (machine.Launch(data, urls) is not { } launch)
        {
            await error.WriteLineAsync(
                $"error: cannot tell how to start this host again (it runs as {Environment.ProcessPath}). Run install-service from the ReceiptGuard.Host executable, or as 'dotnet ReceiptGuard.Host.dll install-service'. Nothing installed.");
            return 1;
        }

        await WriteOtherMachineNoteAsync(platform, machine, output);
        switch (platform)
        {
            case ServicePlatform.Windows:
                await output.WriteAsync(WindowsLogonTask.InstallSteps(launch));
                return 0;
            case ServicePlatform.MacOS:
                await output.WriteLineAsync(LaunchAgent.InstallSteps(launch, Path.Combine(machine.HomeDirectory, "Library", "Logs", "ReceiptGuard.log")));
                return 0;
        }

        var unitDirectory = Path.GetFullPath(cli.Option("unit-dir") ?? machine.UserUnitDirectory);
        var unitPath = Path.Combine(unitDirectory, Unit);
        string text;
        try
        {
            text = SystemdUnit.Render(launch, urls);
        }
        catch (UnitException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message} Nothing installed.");
            return 1;
        }

        string? existing;
        try
        {
            existing = File.Exists(unitPath) ? await File.ReadAllTextAsync(unitPath) : null;
            if (existing is not null && !SystemdUnit.IsOurs(existing) && cli.Option("force") is null)
            {
                await error.WriteLineAsync($"error: {unitPath} exists and was not written by install-service. Move it away, or pass --force to replace it. Nothing changed.");
                return 1;
            }

            if (existing != text)
            {
                WriteAtomically(unitPath, text);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot write {unitPath}: {exception.Message}");
            return 1;
        }

        var changed = existing != text;
        await output.WriteLineAsync(existing is null ? $"Wrote {unitPath}." : changed ? $"Replaced {unitPath} (it now runs the command below)." : $"{unitPath} is already installed and up to date.");
        await output.WriteLineAsync($"It runs: {launch.ToShellCommand()}");
        await output.WriteLineAsync("If that program moves or is deleted, run install-service again from its new place.");

        List<string[]> steps = [DaemonReload, EnableNow];
        if (existing is not null && changed)
        {
            // enable --now leaves a running host alone; the replaced unit only takes effect on a restart.
            steps.Add(Restart);
        }

        var started = await RunStepsAsync(cli, machine, steps, "start the host now and at every login", output, error);
        if (started)
        {
            await output.WriteLineAsync($"The host runs now and starts at every login on {urls}. Status: systemctl --user status {Unit}   Log: journalctl --user -u {Unit}");
            await output.WriteLineAsync("To start it at boot without logging in: loginctl enable-linger $USER");
        }

        return 0;
    }

    public static async Task<int> UninstallAsync(CommandLine cli, TextWriter output, TextWriter error, ServiceEnvironment? machine = null)
    {
        machine ??= ServiceEnvironment.ForThisMachine();
        if (await CheckOptionsAsync(cli, UninstallOptions, UninstallUsage, machine, error) is not { } platform)
        {
            return 2;
        }

        await WriteOtherMachineNoteAsync(platform, machine, output);
        switch (platform)
        {
            case ServicePlatform.Windows:
                await output.WriteLineAsync(WindowsLogonTask.RemoveSteps());
                return 0;
            case ServicePlatform.MacOS:
                await output.WriteLineAsync(LaunchAgent.RemoveSteps());
                return 0;
        }

        var unitDirectory = Path.GetFullPath(cli.Option("unit-dir") ?? machine.UserUnitDirectory);
        var unitPath = Path.Combine(unitDirectory, Unit);
        if (!File.Exists(unitPath))
        {
            await output.WriteLineAsync($"Nothing to remove: there is no {unitPath}, so the host is not installed as a service there.");
            return 0;
        }

        if (!SystemdUnit.IsOurs(await File.ReadAllTextAsync(unitPath)) && cli.Option("force") is null)
        {
            await error.WriteLineAsync($"error: {unitPath} was not written by install-service. Remove it yourself, or pass --force. Nothing changed.");
            return 1;
        }

        var stopped = await RunStepsAsync(cli, machine, [DisableNow], purpose: null, output, error);
        try
        {
            File.Delete(unitPath);
            // What 'enable' made; left behind when disable could not run, it would point at nothing.
            var wanted = Path.Combine(unitDirectory, "default.target.wants", Unit);
            if (File.Exists(wanted) || new FileInfo(wanted).LinkTarget is not null)
            {
                File.Delete(wanted);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot remove {unitPath}: {exception.Message}");
            return 1;
        }

        await output.WriteLineAsync($"Removed {unitPath}; the host no longer starts at login.");
        if (stopped)
        {
            await RunStepsAsync(cli, machine, [DaemonReload], "forget the removed unit", output, error);
        }
        else
        {
            await output.WriteLineAsync("If a host started by the service still runs, stop it with:");
            await output.WriteLineAsync($"  {Systemctl.Describe(Stop)}");
            await output.WriteLineAsync($"  {Systemctl.Describe(DaemonReload)}");
        }

        return 0;
    }

    /// <returns>The platform to act for, or null after writing the error and usage (exit 2).</returns>
    private static async Task<ServicePlatform?> CheckOptionsAsync(CommandLine cli, string[] known, string usage, ServiceEnvironment machine, TextWriter error)
    {
        string? problem = null;
        if (cli.Positionals.Count > 0)
        {
            problem = $"{cli.Command} takes no arguments, got '{cli.Positionals[0]}'";
        }
        else if (cli.Options.Keys.FirstOrDefault(name => !known.Contains(name)) is { } unknown)
        {
            problem = $"{cli.Command} has no option --{unknown}";
        }

        ServicePlatform? platform = cli.Option("platform") switch
        {
            null => machine.CurrentPlatform,
            "linux" => ServicePlatform.Linux,
            "windows" => ServicePlatform.Windows,
            "macos" => ServicePlatform.MacOS,
            _ => null,
        };
        if (platform is null)
        {
            problem ??= $"--platform must be linux, windows or macos, not '{cli.Option("platform")}'";
        }

        if (problem is not null)
        {
            await error.WriteLineAsync($"error: {problem}.{Environment.NewLine}usage: {usage}");
            return null;
        }

        return platform;
    }

    private static async Task WriteOtherMachineNoteAsync(ServicePlatform platform, ServiceEnvironment machine, TextWriter output)
    {
        if (platform != machine.CurrentPlatform)
        {
            await output.WriteLineAsync($"Note: these are the steps for {DisplayName(platform)}, with this machine's paths; on that machine, run 'ReceiptGuard.Host install-service' there to get its own.");
            await output.WriteLineAsync();
        }
    }

    /// <summary>
    /// Runs each systemctl step in turn unless --no-start or there is no systemctl; on the first that fails, says why
    /// and (given a <paramref name="purpose"/>) prints the steps left for the user to run.
    /// </summary>
    /// <returns>true when every step ran and succeeded.</returns>
    private static async Task<bool> RunStepsAsync(CommandLine cli, ServiceEnvironment machine, IReadOnlyList<string[]> steps, string? purpose, TextWriter output, TextWriter error)
    {
        var why = cli.Option("no-start") is not null ? "Not run (--no-start)."
            : machine.Systemctl is null ? "systemctl is not on PATH, so it was not run."
            : null;
        var done = 0;
        if (why is null)
        {
            foreach (var step in steps)
            {
                var result = await machine.Systemctl!.RunAsync(step);
                if (!result.Ok)
                {
                    var hint = result.Output.Contains("bus", StringComparison.OrdinalIgnoreCase)
                        ? " There is no systemd user session here (as in a container, or a su/sudo shell); run the commands below from your own login session."
                        : "";
                    await error.WriteLineAsync($"warning: '{Systemctl.Describe(step)}' failed (exit {result.ExitCode}): {result.Output}{hint}");
                    why = "";
                    break;
                }

                await output.WriteLineAsync($"Ran: {Systemctl.Describe(step)}");
                done++;
            }
        }

        if (why is null)
        {
            return true;
        }

        if (purpose is null)
        {
            // The caller says what to do instead.
            return false;
        }

        await output.WriteLineAsync($"{why} To {purpose}, run:".TrimStart());
        foreach (var step in steps.Skip(done))
        {
            await output.WriteLineAsync($"  {Systemctl.Describe(step)}");
        }

        return false;
    }

    private static string DisplayName(ServicePlatform platform) => platform switch
    {
        ServicePlatform.Windows => "Windows",
        ServicePlatform.MacOS => "macOS",
        _ => "Linux",
    };

    private static void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text);
            // A rename in one folder: systemd never reads a half-written unit.
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
