using ReceiptGuard.Host;
using ReceiptGuard.Host.Cli;

CommandLine cli;
try
{
    cli = CommandLine.Parse(args);
}
catch (CommandLineException exception)
{
    await Console.Error.WriteLineAsync($"error: {exception.Message}{Environment.NewLine}{Environment.NewLine}{CommandLine.Usage}");
    return 2;
}

return cli.Command switch
{
    "help" => ShowUsage(),
    "parse" => await ParseCommand.RunAsync(cli, Console.Out, Console.Error),
    "reparse" => await ReparseCommand.RunAsync(cli, Console.Out),
    "import" => await ImportCommand.RunAsync(cli, Console.Out, Console.Error),
    "export" => await ExportCommand.RunAsync(cli, Console.Out, Console.Error),
    "verify" => await VerifyCommand.RunAsync(cli, Console.Out, Console.Error),
    "backup" => await BackupCommand.RunAsync(cli, Console.Out, Console.Error),
    "restore" => await RestoreCommand.RunAsync(cli, Console.Out, Console.Error),
    "install-service" => await ServiceCommands.InstallAsync(cli, Console.Out, Console.Error),
    "uninstall-service" => await ServiceCommands.UninstallAsync(cli, Console.Out, Console.Error),
    _ => await RunCommand.RunAsync(cli),
};

static int ShowUsage()
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
