using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace ReceiptGuard.Host.Pairing;

/// <summary>
/// Hub connections opened with a pairing token, by client. A WebSocket is authenticated once, when it opens, so a
/// revoke must close the ones already open or a revoked extension would go on hearing the host.
/// </summary>
public sealed class PairedConnections
{
    private readonly ConcurrentDictionary<string, (Guid Client, HubCallerContext Context)> _open = new(StringComparer.Ordinal);

    public void Opened(HubCallerContext context)
    {
        if (context.User?.FindFirst(PairingAuthenticationHandler.ClientClaim)?.Value is { } value && Guid.TryParse(value, out var client))
        {
            _open[context.ConnectionId] = (client, context);
        }
    }

    public void Closed(HubCallerContext context) => _open.TryRemove(context.ConnectionId, out _);

    /// <summary>Closes every hub connection of this client; returns how many there were.</summary>
    public int Abort(Guid client)
    {
        var aborted = 0;
        foreach (var (id, (owner, context)) in _open)
        {
            if (owner == client && _open.TryRemove(id, out _))
            {
                context.Abort();
                aborted++;
            }
        }

        return aborted;
    }
}
