using ReceiptGuard.Host.Cli;
using ReceiptGuard.Host.Service;
using ReceiptGuard.Testing;

namespace ReceiptGuard.Host.Tests.Service;

/// <summary>
/// install-service / uninstall-service into a temporary unit folder. systemctl is never the real one here: either
/// --no-start, or a fake script that logs its arguments and exits with a chosen code.
/// </summary>
public sealed class ServiceCommandTests : IDisposable
{
    private readonly string _work = TempDirectory.Create("service");

    public ServiceCommandTests()
    {
        UnitDirectory = Path.Combine(_work, "systemd", "user");
        Data = Path.Combine(_work, "data folder");
    }

    private string UnitDirectory { get; }

    private string Data { get; }

    private string UnitPath => Path.Combine(UnitDirectory, SystemdUnit.FileName);

    private string SystemctlLog => Path.Combine(_work, "systemctl.log");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>This machine, except for how the host is started (the built host, run by dotnet), systemctl and the folders.</summary>
    private ServiceEnvironment Machine(Systemctl? systemctl = null, ServicePlatform platform = ServicePlatform.Linux) =>
        new((data, urls) => HostLaunch.For(DotnetPath, RepositoryPaths.HostAssembly, data, urls, null), systemctl, UnitDirectory, "/home/someone", platform);

    private static string DotnetPath => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "/usr/bin/dotnet";

    /// <summary>A systemctl that appends its arguments to a log and exits with <paramref name="exitCode"/> (after <paramref name="failOn"/> is seen, if given).</summary>
    private Systemctl FakeSystemctl(int exitCode = 0, string failOn = "", string message = "")
    {
        var script = Path.Combine(_work, "systemctl");
        File.WriteAllText(script, $"""
            #!/bin/sh
            echo "$*" >> '{SystemctlLog}'
            case "$*" in *'{failOn}'*) echo '{message}' >&2; exit {exitCode};; esac
            exit 0
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new Systemctl(script);
    }

    private string[] SystemctlCalls() => File.Exists(SystemctlLog) ? File.ReadAllLines(SystemctlLog) : [];

    private static async Task<(int Code, string Output, string Error)> RunAsync(ServiceEnvironment machine, params string[] args)
    {
        var cli = CommandLine.Parse(args);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = cli.Command switch
        {
            "install-service" => await ServiceCommands.InstallAsync(cli, output, error, machine),
            "uninstall-service" => await ServiceCommands.UninstallAsync(cli, output, error, machine),
            _ => throw new ArgumentException(cli.Command),
        };
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Install_with_no_start_writes_the_unit_for_this_host_and_prints_the_commands_to_start_it()
    {
        var (code, output, error) = await RunAsync(Machine(FakeSystemctl()), "install-service", "--data", Data, "--urls", "http://127.0.0.1:47999", "--no-start");
        Assert.True(code == 0, error);
        var unit = File.ReadAllText(UnitPath);
        Assert.Equal(SystemdUnit.Render(HostLaunch.For(DotnetPath, RepositoryPaths.HostAssembly, Data, "http://127.0.0.1:47999", null)!, "http://127.0.0.1:47999"), unit);
        Assert.Contains($"\"{Data}\"", unit, StringComparison.Ordinal); // the space in "data folder" is quoted
        Assert.Contains(RepositoryPaths.HostAssembly, unit, StringComparison.Ordinal);
        Assert.Contains($"Wrote {UnitPath}", output, StringComparison.Ordinal);
        Assert.Contains("systemctl --user enable --now receiptguard.service", output, StringComparison.Ordinal);
        Assert.Empty(SystemctlCalls());
        Assert.Empty(Directory.GetFiles(UnitDirectory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Without_data_and_urls_the_unit_uses_the_folder_and_address_the_host_would_use_now()
    {
        var (code, _, error) = await RunAsync(Machine(), "install-service", "--no-start");
        Assert.True(code == 0, error);
        var unit = File.ReadAllText(UnitPath);
        Assert.Contains($"--data {SystemdUnit.QuoteWord(ReceiptGuardDefaults.ResolveDataDirectory(null), forExec: true)} --urls {ReceiptGuardDefaults.Url}\n", unit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installing_twice_changes_nothing_and_a_changed_install_replaces_the_unit_and_restarts_the_host()
    {
        var systemctl = FakeSystemctl();
        Assert.Equal(0, (await RunAsync(Machine(systemctl), "install-service", "--data", Data)).Code);
        Assert.Equal(["--user daemon-reload", "--user enable --now receiptguard.service"], SystemctlCalls());
        var first = File.ReadAllText(UnitPath);
        var written = File.GetLastWriteTimeUtc(UnitPath);

        var (code, output, _) = await RunAsync(Machine(systemctl), "install-service", "--data", Data);
        Assert.Equal(0, code);
        Assert.Contains("already installed and up to date", output, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllText(UnitPath));
        Assert.Equal(written, File.GetLastWriteTimeUtc(UnitPath));
        Assert.DoesNotContain(SystemctlCalls(), call => call.Contains("restart", StringComparison.Ordinal));

        File.Delete(SystemctlLog);
        (code, output, _) = await RunAsync(Machine(systemctl), "install-service", "--data", Data + "2");
        Assert.Equal(0, code);
        Assert.Contains("Replaced", output, StringComparison.Ordinal);
        Assert.Contains(Data + "2", File.ReadAllText(UnitPath), StringComparison.Ordinal);
        // enable --now leaves a running host alone: the new settings need a restart.
        Assert.Equal(["--user daemon-reload", "--user enable --now receiptguard.service", "--user restart receiptguard.service"], SystemctlCalls());
    }

    [Fact]
    public async Task When_systemctl_cannot_reach_a_user_session_the_unit_is_still_written_and_the_commands_are_printed()
    {
        var systemctl = FakeSystemctl(exitCode: 1, failOn: "daemon-reload", message: "Failed to connect to bus: No medium found");
        var (code, output, error) = await RunAsync(Machine(systemctl), "install-service", "--data", Data);
        Assert.Equal(0, code);
        Assert.True(File.Exists(UnitPath));
        Assert.Contains("'systemctl --user daemon-reload' failed (exit 1): Failed to connect to bus", error, StringComparison.Ordinal);
        Assert.Contains("no systemd user session", error, StringComparison.Ordinal);
        Assert.Contains("  systemctl --user daemon-reload\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  systemctl --user enable --now receiptguard.service", output, StringComparison.Ordinal);
        Assert.Equal(["--user daemon-reload"], SystemctlCalls());

        // No systemctl at all: the same, said plainly.
        (code, output, _) = await RunAsync(Machine(systemctl: null), "install-service", "--data", Data + "2");
        Assert.Equal(0, code);
        Assert.Contains("systemctl is not on PATH", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_install_service_did_not_write_is_kept_unless_force()
    {
        Directory.CreateDirectory(UnitDirectory);
        File.WriteAllText(UnitPath, "[Service]\nExecStart=/usr/bin/someone-elses\n");
        var (code, _, error) = await RunAsync(Machine(), "install-service", "--no-start");
        Assert.Equal(1, code);
        Assert.Contains("not written by install-service", error, StringComparison.Ordinal);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.StartsWith("[Service]", File.ReadAllText(UnitPath), StringComparison.Ordinal);

        Assert.Equal(1, (await RunAsync(Machine(), "uninstall-service", "--no-start")).Code);
        Assert.True(File.Exists(UnitPath));

        Assert.Equal(0, (await RunAsync(Machine(), "install-service", "--no-start", "--force")).Code);
        Assert.True(SystemdUnit.IsOurs(File.ReadAllText(UnitPath)));
    }

    [Fact]
    public async Task Uninstall_disables_the_service_removes_the_unit_and_what_enable_linked_then_reloads()
    {
        var systemctl = FakeSystemctl();
        Assert.Equal(0, (await RunAsync(Machine(systemctl), "install-service", "--data", Data)).Code);
        var wants = Directory.CreateDirectory(Path.Combine(UnitDirectory, "default.target.wants")).FullName;
        File.CreateSymbolicLink(Path.Combine(wants, SystemdUnit.FileName), UnitPath); // as 'enable' would
        File.Delete(SystemctlLog);

        var (code, output, error) = await RunAsync(Machine(systemctl), "uninstall-service");
        Assert.True(code == 0, error);
        Assert.False(File.Exists(UnitPath));
        Assert.Null(new FileInfo(Path.Combine(wants, SystemdUnit.FileName)).LinkTarget);
        Assert.Equal(["--user disable --now receiptguard.service", "--user daemon-reload"], SystemctlCalls());
        Assert.Contains($"Removed {UnitPath}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uninstall_without_a_user_session_still_removes_the_unit_and_says_how_to_stop_a_running_host()
    {
        Assert.Equal(0, (await RunAsync(Machine(), "install-service", "--no-start")).Code);
        var wants = Directory.CreateDirectory(Path.Combine(UnitDirectory, "default.target.wants")).FullName;
        File.CreateSymbolicLink(Path.Combine(wants, SystemdUnit.FileName), UnitPath);

        var systemctl = FakeSystemctl(exitCode: 1, failOn: "disable", message: "Failed to connect to bus: No medium found");
        var (code, output, error) = await RunAsync(Machine(systemctl), "uninstall-service");
        Assert.Equal(0, code);
        Assert.False(File.Exists(UnitPath));
        // Left behind, the link would point at nothing and systemd would complain at every login.
        Assert.Null(new FileInfo(Path.Combine(wants, SystemdUnit.FileName)).LinkTarget);
        Assert.Contains("Failed to connect to bus", error, StringComparison.Ordinal);
        Assert.Contains("systemctl --user stop receiptguard.service", output, StringComparison.Ordinal);
        Assert.Equal(["--user disable --now receiptguard.service"], SystemctlCalls());
    }

    [Fact]
    public async Task Uninstall_when_nothing_is_installed_says_so_and_succeeds()
    {
        var (code, output, error) = await RunAsync(Machine(FakeSystemctl()), "uninstall-service");
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("Nothing to remove", output, StringComparison.Ordinal);
        Assert.Contains(UnitPath, output, StringComparison.Ordinal);
        Assert.Empty(SystemctlCalls());
    }

    [Theory]
    [InlineData("install-service", "--bogus", "1")]
    [InlineData("install-service", "extra-argument")]
    [InlineData("install-service", "--platform", "beos")]
    [InlineData("uninstall-service", "--data", "/d")]
    public async Task A_bad_option_is_exit_2_with_the_usage_and_nothing_written(params string[] args)
    {
        var (code, _, error) = await RunAsync(Machine(FakeSystemctl()), args);
        Assert.Equal(2, code);
        Assert.Contains("usage: " + args[0], error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(UnitDirectory));
        Assert.Empty(SystemctlCalls());
    }

    [Fact]
    public async Task A_non_loopback_address_is_refused_the_service_never_listens_beyond_this_machine()
    {
        var (code, _, error) = await RunAsync(Machine(), "install-service", "--urls", "http://0.0.0.0:47831", "--no-start");
        Assert.Equal(2, code);
        Assert.Contains("not a loopback address", error, StringComparison.Ordinal);
        Assert.False(File.Exists(UnitPath));
    }

    [Fact]
    public async Task Windows_and_macos_steps_are_printed_not_run_and_nothing_is_written()
    {
        var systemctl = FakeSystemctl();
        var (code, output, _) = await RunAsync(Machine(systemctl), "install-service", "--platform", "windows", "--data", Data);
        Assert.Equal(0, code);
        Assert.Contains("schtasks /Create /TN ReceiptGuard /SC ONLOGON /TR ", output, StringComparison.Ordinal);
        Assert.Contains("Note: these are the steps for Windows", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync(Machine(systemctl), "install-service", "--platform", "macos", "--data", Data);
        Assert.Equal(0, code);
        Assert.Contains("<string>/home/someone/Library/Logs/ReceiptGuard.log</string>", output, StringComparison.Ordinal);
        Assert.Contains("launchctl bootstrap", output, StringComparison.Ordinal);

        Assert.Contains("schtasks /Delete", (await RunAsync(Machine(systemctl), "uninstall-service", "--platform", "windows")).Output, StringComparison.Ordinal);
        Assert.Contains("launchctl bootout", (await RunAsync(Machine(systemctl), "uninstall-service", "--platform", "macos")).Output, StringComparison.Ordinal);

        // On a Mac its own steps come without the note.
        Assert.DoesNotContain("Note:", (await RunAsync(Machine(systemctl, ServicePlatform.MacOS), "install-service")).Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(UnitDirectory));
        Assert.Empty(SystemctlCalls());
    }

    [Fact]
    public void The_commands_are_known_to_the_command_line_and_its_usage()
    {
        Assert.Equal("true", CommandLine.Parse(["install-service", "--no-start", "--data", "/d"]).Option("no-start"));
        Assert.Equal("/d", CommandLine.Parse(["install-service", "--no-start", "--data", "/d"]).Option("data"));
        Assert.Equal("uninstall-service", CommandLine.Parse(["uninstall-service"]).Command);
        Assert.Contains("install-service", CommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("uninstall-service", CommandLine.Usage, StringComparison.Ordinal);
    }
}
