using System.Diagnostics;

namespace ReceiptGuard.Host.Service;

/// <summary>Runs <c>systemctl --user …</c> and reports what it said; a missing user session is an answer, not an exception.</summary>
public sealed class Systemctl(string executable)
{
    public sealed record Result(int ExitCode, string Output)
    {
        public bool Ok => ExitCode == 0;
    }

    public string Executable { get; } = executable;

    /// <summary>systemctl from PATH, or null when there is none (not a systemd machine).</summary>
    public static Systemctl? FromPath()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "systemctl");
            if (File.Exists(candidate))
            {
                return new Systemctl(candidate);
            }
        }

        return null;
    }

    /// <summary>The command as a user would type it.</summary>
    public static string Describe(params string[] arguments) => "systemctl --user " + string.Join(' ', arguments);

    public async Task<Result> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "--user" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return new Result(-1, "systemctl did not answer within 60 seconds");
            }

            return new Result(process.ExitCode, ((await output) + (await error)).Trim());
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return new Result(-1, $"could not run {Executable}: {exception.Message}");
        }
    }
}
