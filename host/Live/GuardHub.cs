using Microsoft.AspNetCore.SignalR;
using ReceiptGuard.Host.Capture;
using ReceiptGuard.Host.Pairing;
using ReceiptGuard.Host.Settings;

namespace ReceiptGuard.Host.Live;

/// <summary>What the host pushes to connected clients (the review UI, the extension's service worker).</summary>
public interface IGuardClient
{
    Task SnapshotStored(SnapshotSummary snapshot);

    /// <summary>The host settings changed (PUT /api/settings): the extension's capture follows them from now on.</summary>
    Task SettingsChanged(HostSettings settings);

    /// <summary>A snapshot's parse result was stored (or replaced): fetch <c>/api/snapshots/{id}/parsed</c> again.</summary>
    Task SnapshotParsed(Guid id);

    /// <summary>A snapshot was deleted: drop it from lists and queues.</summary>
    Task SnapshotDeleted(Guid id);

    /// <summary>An extension was paired or revoked: the Settings page lists them again.</summary>
    Task PairingChanged();
}

/// <summary>Push-only for now: clients listen; the host speaks through <see cref="IHubContext{THub,T}"/>.</summary>
public sealed class GuardHub(PairedConnections connections) : Hub<IGuardClient>
{
    public const string Path = "/hubs/guard";

    // Kept so that revoking an extension can close its open connections.
    public override Task OnConnectedAsync()
    {
        connections.Opened(Context);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed(Context);
        return Task.CompletedTask;
    }
}
