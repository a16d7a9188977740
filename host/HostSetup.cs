using System.Text.Json;
using System.Text.Json.Serialization;
using ReceiptGuard.Host.Capture;
using ReceiptGuard.Host.Cli;
using ReceiptGuard.Host.Evidence;
using ReceiptGuard.Host.Health;
using ReceiptGuard.Host.Live;
using ReceiptGuard.Host.Orders;
using ReceiptGuard.Host.Pairing;
using ReceiptGuard.Host.Parsing.Ingest;
using ReceiptGuard.Host.Settings;
using ReceiptGuard.Host.Stats;
using ReceiptGuard.Host.Storage;
using ReceiptGuard.Host.Ui;

namespace ReceiptGuard.Host;

/// <summary>The whole host, one feature at a time. Tests build the same app through WebApplicationFactory.</summary>
public static class HostSetup
{
    public static WebApplicationBuilder AddReceiptGuard(this WebApplicationBuilder builder, string? dataFromCommandLine)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The run command prints its own banner with the address; the generic lifetime lines add nothing.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        var services = builder.Services;
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddSingleton(TimeProvider.System);

        // Resolved when first needed, so configuration added by tests (WebApplicationFactory) is seen.
        services.AddSingleton(provider => new DataDirectory(
            ReceiptGuardDefaults.ResolveDataDirectory(dataFromCommandLine, provider.GetRequiredService<IConfiguration>()[ReceiptGuardDefaults.DataDirectoryKey])));
        services.AddSingleton<Database>();
        services.AddHostedService<DatabaseInitializer>();
        // Before parsing: the start-up store check runs before the parse worker's start-up sweep.
        services.AddEvidence();

        services.AddPairing();
        services.AddCapture();
        services.AddParsing();
        services.AddSettings();
        services.AddLive();
        services.AddOrders();
        services.AddStats();
        services.AddUi();
        return builder;
    }

    public static WebApplication UseReceiptGuard(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets();
        // Every /api and /hubs call needs a paired extension's token or the review UI's session (see host/Pairing).
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealth();
        app.MapPairing();
        app.MapCapture();
        app.MapParsing();
        app.MapEvidence();
        app.MapSettings();
        app.MapLive();
        app.MapOrders();
        app.MapStats();
        app.MapUi();
        return app;
    }
}
