namespace ReceiptGuard.Host.Storage;

/// <summary>Creates and migrates the database before the server accepts its first request.</summary>
public sealed class DatabaseInitializer(Database database, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var version = await Migrations.ApplyAsync(connection, cancellationToken);
        logger.LogInformation("Database {Path} at schema version {Version}", database.Path, version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
