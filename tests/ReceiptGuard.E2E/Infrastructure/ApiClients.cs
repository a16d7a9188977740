using ReceiptGuard.Testing;

namespace ReceiptGuard.E2E.Infrastructure;

/// <summary>The one place the reliability tests make API clients: paired through the host's real pairing flow.</summary>
public static class ApiClients
{
    public static async Task<HttpClient> ForAsync(HostProcess host, int connections = 16) =>
        (await host.PairedClientFactoryAsync("reliability tests"))(connections);

    public static Task<Func<int, HttpClient>> FactoryAsync(HostProcess host) => host.PairedClientFactoryAsync("load test");
}
