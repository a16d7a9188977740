using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ReceiptGuard.Testing;

namespace ReceiptGuard.E2E.Infrastructure;

/// <summary>
/// The real host process and a plain Chromium (no extension) for the review UI's tests. Every host name but 127.0.0.1
/// resolves to <paramref name="otherNamesPort"/> (the beacon server in the hostile-snapshot test), so nothing a page
/// asks for can leave the machine.
/// </summary>
public sealed class ReviewUi : IAsyncDisposable
{
    private ReviewUi(HostProcess host, BrowserSession browser, string dataDirectory)
    {
        Host = host;
        Browser = browser;
        DataDirectory = dataDirectory;
        Api = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HostProcess Host { get; }

    public BrowserSession Browser { get; }

    public HttpClient Api { get; }

    public string DataDirectory { get; }

    public static async Task<ReviewUi> StartAsync(int otherNamesPort)
    {
        var data = RepositoryPaths.NewTempDirectory("ui-host");
        var host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, data);
        try
        {
            var browser = await BrowserSession.LaunchAsync(otherNamesPort, withExtension: false);
            return new ReviewUi(host, browser, data);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stores a snapshot built from the protocol fixture (POST /api/snapshots) and returns its id.</summary>
    public async Task<string> StoreAsync(string html, string title, string orderHint, string decision = "confirmed")
    {
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Fixtures, "protocol", "snapshot-v1.json")))!.AsObject();
        var id = Guid.NewGuid().ToString("D");
        body["id"] = id;
        body["html"] = html;
        body["title"] = title;
        body["orderHint"] = orderHint;
        body["decision"] = decision;
        body["capturedAt"] = DateTimeOffset.UtcNow.ToString("O");
        body.Remove("embeddedData");
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Api.PostAsync("/api/snapshots", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/snapshots: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Browser.DisposeAsync();
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean up
        }
    }
}
