using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ReceiptGuard.Host.Cli;

/// <summary><c>run</c>: serve the API, the hub and the UI on loopback until stopped.</summary>
public static class RunCommand
{
    /// <summary>Printed once the server listens; scripts and tests wait for this line.</summary>
    public const string ListeningBanner = "ReceiptGuard host listening on ";

    public static async Task<int> RunAsync(CommandLine cli)
    {
        // Everything after the command word also goes to ASP.NET Core's configuration (--urls, --environment, …),
        // except our own value-less flag, which that parser would pair with the next argument.
        var builder = WebApplication.CreateBuilder(cli.Rest.Where(arg => arg != "--" + AllowNonLoopbackFlag).ToArray());

        var urls = cli.Option("urls") ?? builder.Configuration["urls"] ?? ReceiptGuardDefaults.Url;
        var allowNonLoopback = cli.Option(AllowNonLoopbackFlag) is not null;
        if (CheckUrls(urls, allowNonLoopback, Console.Error) is { } exitCode)
        {
            return exitCode;
        }

        if (allowNonLoopback)
        {
            builder.Configuration[Security.SecurityOptions.AllowNonLoopbackKey] = "true";
        }

        builder.WebHost.UseUrls(urls);
        builder.AddReceiptGuard(cli.Option("data"));

        var app = builder.Build();
        app.UseReceiptGuard();
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app));

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync(
                $"error: {urls} is already in use. Is another ReceiptGuard host running? Stop it, or choose another port with --urls http://127.0.0.1:PORT (and set the same address in the extension's options).");
            return 1;
        }
        catch (Storage.DamagedDatabaseException exception)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}");
            return 3;
        }
    }

    public const string AllowNonLoopbackFlag = "allow-non-loopback";

    /// <returns>The exit code when the host must not start; null when it may (with a warning written for a non-loopback address).</returns>
    public static int? CheckUrls(string urls, bool allowNonLoopback, TextWriter error)
    {
        if (LoopbackUrls.FindNonLoopback(urls) is not { } refusal)
        {
            return null;
        }

        if (!allowNonLoopback)
        {
            error.WriteLine($"error: {refusal} To listen beyond this machine anyway, add --{AllowNonLoopbackFlag}.");
            return 2;
        }

        // Loud on purpose: anyone who can reach this address can try to pair and read the orders it holds.
        error.WriteLine($"WARNING: --{AllowNonLoopbackFlag}: listening on {urls}, which other machines can reach.");
        error.WriteLine("WARNING: anyone on that network can reach this host's API and review UI; use it only on a network you trust.");
        return null;
    }

    private static void PrintBanner(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var data = app.Services.GetRequiredService<Storage.DataDirectory>();
        foreach (var address in addresses)
        {
            Console.WriteLine($"{ListeningBanner}{address}");
        }

        Console.WriteLine($"Review UI: {addresses.FirstOrDefault()}/   Data folder: {data.Root}   (Ctrl+C to stop)");
    }
}
