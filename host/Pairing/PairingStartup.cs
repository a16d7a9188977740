namespace ReceiptGuard.Host.Pairing;

/// <summary>
/// Loads the paired clients at start-up (after the database is migrated: hosted services start in order), so a paired
/// Firefox extension's origin is trusted from the first request on, not only after something else touched the store.
/// </summary>
public sealed class PairingStartup(PairingStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.WarmAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
