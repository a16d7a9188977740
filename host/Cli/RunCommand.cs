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
        // Everything after the command word also goes to ASP.NET Core's configuration (--urls, --environment, …).
        var builder = WebApplication.CreateBuilder(cli.Rest.ToArray());

        var urls = cli.Option("urls") ?? builder.Configuration["urls"] ?? ReceiptGuardDefaults.Url;
        if (LoopbackUrls.FindNonLoopback(urls) is { } refusal)
        {
            await Console.Error.WriteLineAsync($"error: {refusal}");
            return 2;
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
