using System.Diagnostics;
using System.Xml.Linq;
using ReceiptGuard.Host.Service;

namespace ReceiptGuard.Host.Tests.Service;

/// <summary>The systemd unit, the LaunchAgent plist and the schtasks line, as pure functions of the launch command.</summary>
public sealed class ServiceFileTests
{
    private static HostLaunch Launch(string data, string executable = "/opt/receiptguard/ReceiptGuard.Host", string? dotnetRoot = null) =>
        new(executable, ["run", "--data", data, "--urls", "http://127.0.0.1:47831"], dotnetRoot);

    private static string ExecStartOf(string unit) =>
        unit.Split('\n').Single(line => line.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..];

    [Fact]
    public void The_unit_starts_the_host_restarts_it_on_failure_but_not_after_fatal_exits_and_is_wanted_at_login()
    {
        var unit = SystemdUnit.Render(Launch("/home/a/.local/share/ReceiptGuard"), "http://127.0.0.1:47831");
        Assert.StartsWith(SystemdUnit.Marker + "\n", unit, StringComparison.Ordinal);
        Assert.True(SystemdUnit.IsOurs(unit));
        Assert.Equal("/opt/receiptguard/ReceiptGuard.Host run --data /home/a/.local/share/ReceiptGuard --urls http://127.0.0.1:47831", ExecStartOf(unit));
        Assert.Contains("\nDescription=ReceiptGuard host", unit, StringComparison.Ordinal);
        Assert.Contains("\nRestart=on-failure\n", unit, StringComparison.Ordinal);
        Assert.Matches(@"\nRestartSec=\d+\n", unit);
        // 2: bad command line or non-loopback --urls; 3: damaged store (RunCommand). Retrying cannot help either.
        Assert.Contains("\nRestartPreventExitStatus=2 3\n", unit, StringComparison.Ordinal);
        Assert.Contains("\n[Install]\nWantedBy=default.target\n", unit, StringComparison.Ordinal);
        Assert.DoesNotContain("network", unit, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Environment=", unit, StringComparison.Ordinal);
        Assert.False(SystemdUnit.IsOurs("[Unit]\nDescription=someone else's\n"));
    }

    [Fact]
    public void Spaces_are_quoted_and_percent_and_dollar_are_doubled_so_systemd_expands_nothing()
    {
        var line = SystemdUnit.ExecLine(["/opt/Receipt Guard/ReceiptGuard.Host", "run", "--data", "/home/a b/100%/$HOME"]);
        Assert.Equal("\"/opt/Receipt Guard/ReceiptGuard.Host\" run --data \"/home/a b/100%%/$$HOME\"", line);

        // systemd expands variables in the arguments only; a doubled $ in the program's path would stay doubled.
        Assert.Equal("/opt/$x%%/h a$$b", SystemdUnit.ExecLine(["/opt/$x%/h", "a$b"]));
    }

    [Theory]
    [InlineData("/tmp/plain")]
    [InlineData("/tmp/with space")]
    [InlineData("/tmp/100% sure")]
    [InlineData("/tmp/$HOME and ${PATH}")]
    [InlineData("/tmp/\"quoted\"")]
    [InlineData("/tmp/it's")]
    [InlineData("/tmp/back\\slash\\")]
    [InlineData("/tmp/semi;colon")]
    [InlineData(";")]
    [InlineData("")]
    [InlineData("/tmp/收货 证据")]
    [InlineData("/tmp/new\nline\ttab\u0001")]
    public void Every_argument_reads_back_exactly_as_systemd_splits_it(string data)
    {
        var launch = Launch(data, executable: "/opt/Receipt Guard 100%/ReceiptGuard.Host");
        var unit = SystemdUnit.Render(launch, "http://127.0.0.1:47831");
        Assert.Equal(launch.CommandLine, CommandLineReaders.SystemdExecStart(ExecStartOf(unit)));
        Assert.Equal(unit.Split('\n').Length, SystemdUnit.Render(Launch("/x"), "http://127.0.0.1:47831").Split('\n').Length);
    }

    [Theory]
    [InlineData("ReceiptGuard.Host")]
    [InlineData("bin/ReceiptGuard.Host")]
    [InlineData("/opt/it's/ReceiptGuard.Host")]
    [InlineData("/opt/a\"b/ReceiptGuard.Host")]
    [InlineData("/opt/a\\b/ReceiptGuard.Host")]
    public void A_program_path_systemd_would_refuse_is_an_error_that_says_why(string executable)
    {
        var error = Assert.Throws<UnitException>(() => SystemdUnit.Render(Launch("/d", executable), "http://127.0.0.1:47831"));
        Assert.Contains("systemd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dotnet_root_is_passed_on_when_the_host_had_one()
    {
        var unit = SystemdUnit.Render(Launch("/d", dotnetRoot: "/home/a b/.dotnet"), "http://127.0.0.1:47831");
        Assert.Contains("\nEnvironment=\"DOTNET_ROOT=/home/a b/.dotnet\"\n", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void The_launch_is_the_host_executable_itself_or_dotnet_with_the_host_dll()
    {
        var published = HostLaunch.For("/opt/rg/ReceiptGuard.Host", "", "/data", "http://127.0.0.1:1", null)!;
        Assert.Equal(["/opt/rg/ReceiptGuard.Host", "run", "--data", "/data", "--urls", "http://127.0.0.1:1"], published.CommandLine);
        Assert.Equal(Path.GetFullPath("/rg/ReceiptGuard.Host.exe"), HostLaunch.For("/rg/ReceiptGuard.Host.exe", "", "/data", "http://127.0.0.1:1", null)!.Executable);

        var viaDotnet = HostLaunch.For("/usr/share/dotnet/dotnet", "/src/host/bin/ReceiptGuard.Host.dll", "relative/data", "http://127.0.0.1:1", "")!;
        Assert.Equal(["/usr/share/dotnet/dotnet", "/src/host/bin/ReceiptGuard.Host.dll", "run", "--data", Path.GetFullPath("relative/data"), "--urls", "http://127.0.0.1:1"], viaDotnet.CommandLine);
        Assert.Null(viaDotnet.DotnetRoot);

        // Some other program (a test runner, a shell) is not what the service should start.
        Assert.Null(HostLaunch.For("/usr/bin/testhost", "/src/host/bin/ReceiptGuard.Host.dll", "/data", "http://127.0.0.1:1", null));
        Assert.Null(HostLaunch.For(null, "/src/host/bin/ReceiptGuard.Host.dll", "/data", "http://127.0.0.1:1", null));
    }

    [Fact]
    public void The_plist_is_valid_xml_with_each_argument_its_own_escaped_string_and_restarts_after_a_crash()
    {
        var launch = Launch("/Users/a/Library/Application Support/R&D <evidence>", dotnetRoot: "/usr/local/share/dotnet");
        var text = LaunchAgent.RenderPlist(launch, "/Users/a/Library/Logs/ReceiptGuard.log");
        Assert.Contains("R&amp;D &lt;evidence&gt;", text, StringComparison.Ordinal);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.OrdinalIgnoreCase);

        var plist = XDocument.Parse(text);
        Assert.Equal("plist", plist.DocumentType?.Name);
        var dict = plist.Root!.Element("dict")!;
        XElement ValueOf(string key) => (XElement)dict.Elements("key").Single(k => k.Value == key).NextNode!;
        Assert.Equal(LaunchAgent.Label, ValueOf("Label").Value);
        Assert.Equal(launch.CommandLine, ValueOf("ProgramArguments").Elements("string").Select(s => s.Value));
        Assert.Equal("true", ValueOf("RunAtLoad").Name.LocalName);
        Assert.Equal("Crashed", ValueOf("KeepAlive").Element("key")!.Value);
        Assert.Equal("/Users/a/Library/Logs/ReceiptGuard.log", ValueOf("StandardErrorPath").Value);
        Assert.Equal("/usr/local/share/dotnet", ValueOf("EnvironmentVariables").Element("string")!.Value);
    }

    [Fact]
    public void The_printed_macos_steps_hold_the_plist_unchanged_and_bootstrap_it()
    {
        var launch = Launch("/Users/a/data");
        var steps = LaunchAgent.InstallSteps(launch, "/Users/a/Library/Logs/ReceiptGuard.log");
        Assert.Contains("\n" + LaunchAgent.RenderPlist(launch, "/Users/a/Library/Logs/ReceiptGuard.log") + "PLIST\n", steps.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("launchctl bootstrap gui/$(id -u) ~/Library/LaunchAgents/app.receiptguard.host.plist", steps, StringComparison.Ordinal);
        Assert.Contains("launchctl bootout gui/$(id -u)/app.receiptguard.host", LaunchAgent.RemoveSteps(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_schtasks_line_quotes_paths_and_the_task_runs_exactly_the_launch()
    {
        var launch = new HostLaunch(@"C:\Program Files\ReceiptGuard\ReceiptGuard.Host.exe", ["run", "--data", @"C:\Users\李 雷\AppData\Local\ReceiptGuard\", "--urls", "http://127.0.0.1:47831"]);
        var line = WindowsLogonTask.SchtasksCreate(launch);
        Assert.Equal(
            """schtasks /Create /TN ReceiptGuard /SC ONLOGON /TR "\"C:\Program Files\ReceiptGuard\ReceiptGuard.Host.exe\" run --data \"C:\Users\李 雷\AppData\Local\ReceiptGuard\\\\\" --urls http://127.0.0.1:47831" /RL LIMITED /F""",
            line);

        // schtasks reads its own command line the Windows way; /TR is then the task's command line, read the same way.
        var schtasks = CommandLineReaders.WindowsArguments(line);
        var run = schtasks[schtasks.IndexOf("/TR") + 1];
        Assert.Equal(WindowsLogonTask.TaskRun(launch), run);
        Assert.Equal(launch.CommandLine, CommandLineReaders.WindowsArguments(run));
        Assert.Equal(["/RL", "LIMITED", "/F"], schtasks[^3..]);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("two words")]
    [InlineData("say \"hi\"")]
    [InlineData(@"ends\")]
    [InlineData(@"ends with space\ ")]
    [InlineData(@"a\\""b")]
    [InlineData("")]
    public void Windows_quoting_reads_back_exactly(string argument) =>
        Assert.Equal([argument], CommandLineReaders.WindowsArguments(WindowsLogonTask.QuoteArgument(argument)));

    [Fact]
    public void A_task_command_too_long_for_schtasks_is_flagged()
    {
        var launch = new HostLaunch(@"C:\ReceiptGuard.Host.exe", ["run", "--data", @"C:\" + new string('d', 300)]);
        Assert.Contains("schtasks keeps only 261", WindowsLogonTask.InstallSteps(launch), StringComparison.Ordinal);
        Assert.DoesNotContain("keeps only", WindowsLogonTask.InstallSteps(Launch(@"C:\d")), StringComparison.Ordinal);
        Assert.Contains("schtasks /Delete /TN ReceiptGuard /F", WindowsLogonTask.RemoveSteps(), StringComparison.Ordinal);
    }

    /// <summary>systemd's own reading of the unit (it checks quoting, settings, and that the program exists and runs).</summary>
    [Fact]
    public void Systemd_analyze_verify_accepts_the_unit_for_a_host_in_an_awkward_folder()
    {
        if (OperatingSystem.IsWindows() || FindOnPath("systemd-analyze") is not { } analyze)
        {
            return; // not a systemd machine: nothing to ask
        }

        var work = TempDirectory.Create("unit-verify");
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(work, "Receipt Guard 100% $x;收货")).FullName;
            var host = Path.Combine(folder, "ReceiptGuard.Host");
            File.WriteAllText(host, "#!/bin/sh\n");
            File.SetUnixFileMode(host, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var unitFolder = Directory.CreateDirectory(Path.Combine(work, "units")).FullName;
            var unit = Path.Combine(unitFolder, SystemdUnit.FileName);
            File.WriteAllText(unit, SystemdUnit.Render(Launch("/home/a b/it's \"100%\" $HOME\\x", host, "/opt/dot net"), "http://127.0.0.1:47831"));

            var runtime = Directory.CreateDirectory(Path.Combine(work, "runtime")).FullName; // verify --user needs one
            var start = new ProcessStartInfo(analyze, ["verify", "--user", unit]) { RedirectStandardError = true, RedirectStandardOutput = true };
            start.Environment["XDG_RUNTIME_DIR"] = runtime;
            using var verify = Process.Start(start)!;
            var said = verify.StandardOutput.ReadToEnd() + verify.StandardError.ReadToEnd();
            verify.WaitForExit();
            // Only what it says about this unit counts: it also loads the machine's other user units and may grumble about them.
            var aboutOurs = said.Split('\n').Where(line => line.Contains(SystemdUnit.FileName, StringComparison.Ordinal) || line.Contains("Receipt Guard", StringComparison.Ordinal));
            Assert.True(verify.ExitCode == 0 && !aboutOurs.Any(), $"systemd-analyze verify: exit {verify.ExitCode}\n{said}\n{File.ReadAllText(unit)}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    internal static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
