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
using ReceiptGuard.Host.Security;
using ReceiptGuard.Host.Settings;
using ReceiptGuard.Host.Stats;
using ReceiptGuard.Host.Storage;
using ReceiptGuard.Host.Ui;

namespace ReceiptGuard.Host;

/// <summary>The whole host, one feature at a time. Tests build the same app through WebApplicationFactory.</summary>
public static class HostSetup
{
    /// <summary>How long a stopping host waits for in-flight requests (configuration key, seconds).</summary>
    public const string ShutdownSecondsKey = "ReceiptGuard:ShutdownSeconds";

    public const int DefaultShutdownSeconds = 30;

    public static WebApplicationBuilder AddReceiptGuard(this WebApplicationBuilder builder, string? dataFromCommandLine)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The run command prints its own banner with the address; the generic lifetime lines add nothing.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        var services = builder.Services;
        services.AddProblemDetails();
        services.AddSecurity();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddSingleton(TimeProvider.System);

        // Resolved when first needed, so configuration added by tests (WebApplicationFactory) is seen.
        services.AddSingleton(provider => new DataDirectory(
            ReceiptGuardDefaults.ResolveDataDirectory(dataFromCommandLine, provider.GetRequiredService<IConfiguration>()[ReceiptGuardDefaults.DataDirectoryKey])));
        services.AddSingleton<Database>();
        // First, so it is released last: restore refuses a folder while a host holds it.
        services.AddHostedService<DataFolderLockService>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddExceptionHandler<StorageFailureHandler>();
        // Ctrl+C / SIGTERM: Kestrel stops accepting, the ingests already in flight finish (each is one transaction,
        // so the alternative at the deadline is a request that fails with nothing stored), then the workers stop.
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(
            builder.Configuration.GetValue(ShutdownSecondsKey, DefaultShutdownSeconds)));
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
        // Before everything that reads a request: a refused caller reaches no endpoint, hub or file.
        app.UseSecurity();
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
