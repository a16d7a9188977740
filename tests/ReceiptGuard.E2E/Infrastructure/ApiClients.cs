using ReceiptGuard.Testing;

namespace ReceiptGuard.E2E.Infrastructure;

/// <summary>The one place the reliability tests make API clients, so the pairing credential (issue 9) is added here once.</summary>
public static class ApiClients
{
    public static HttpClient For(HostProcess host, int connections = 16) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
}
