namespace ReceiptGuard.Host.Tests.Reliability;

/// <summary>
/// The one place the reliability tests make API clients, so the pairing credential (issue 9) is added here once.
/// </summary>
public static class ApiClients
{
    public static HttpClient For(HostFactory host) => host.CreateClient();
}
