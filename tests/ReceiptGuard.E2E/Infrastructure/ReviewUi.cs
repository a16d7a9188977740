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
    private ReviewUi(HostProcess host, BrowserSession browser, string dataDirectory, HttpClient api)
    {
        Host = host;
        Browser = browser;
        DataDirectory = dataDirectory;
        Api = api;
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
            var api = await host.PairAsync("review UI tests", timeout: TimeSpan.FromSeconds(30));
            var browser = await BrowserSession.LaunchAsync(otherNamesPort, withExtension: false);
            return new ReviewUi(host, browser, data, api);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stores a snapshot built from the protocol fixture (POST /api/snapshots) and returns its id.</summary>
    public Task<string> StoreAsync(string html, string title, string orderHint, string decision = "confirmed") =>
        StoreAsync(new CapturedPage(html, title) { OrderHint = orderHint, Decision = decision });

    /// <summary>Stores <paramref name="page"/> on the protocol fixture (POST /api/snapshots) and returns its id.</summary>
    public async Task<string> StoreAsync(CapturedPage page)
    {
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Fixtures, "protocol", "snapshot-v1.json")))!.AsObject();
        var id = Guid.NewGuid().ToString("D");
        body["id"] = id;
        body["html"] = page.Html;
        body["title"] = page.Title;
        body["orderHint"] = page.OrderHint;
        body["decision"] = page.Capture == "manual" ? "none" : page.Decision;
        body["capture"] = page.Capture;
        body["capturedAt"] = (page.CapturedAt ?? DateTimeOffset.UtcNow).ToString("O");
        if (page.Url is not null) body["url"] = page.Url;
        if (page.Site is not null) body["site"] = page.Site;
        if (page.Screenshot is not null) body["screenshot"] = page.Screenshot;
        if (page.Capture == "manual")
        {
            // A page saved by hand: no control was clicked and no checklist asked.
            body["buttonText"] = "";
            body["context"]!["checklist"] = null;
        }

        body.Remove("embeddedData");
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Api.PostAsync("/api/snapshots", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/snapshots: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return id;
    }

    /// <summary>Parsing runs in the background after a store: waits until each snapshot's page has been read.</summary>
    public async Task WaitUntilParsedAsync(params string[] snapshotIds)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        foreach (var id in snapshotIds)
        {
            while (true)
            {
                using var response = await Api.GetAsync($"/api/snapshots/{id}/parsed");
                if (response.StatusCode == HttpStatusCode.OK) break;
                Assert.True(DateTime.UtcNow < deadline, $"snapshot {id} was not parsed in time:\n{Host.Output}");
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Where the store keeps a file: artifacts/ab/&lt;sha256&gt;.gz under the data folder.</summary>
    public string ArtifactPath(string sha256) => Path.Combine(DataDirectory, "artifacts", sha256[..2], sha256 + ".gz");

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

/// <summary>What a test stores as one snapshot; anything left null keeps the protocol fixture's value.</summary>
public sealed record CapturedPage(string Html, string Title)
{
    public string? Url { get; init; }

    /// <summary>The platform as the extension names it (taobao, jd, …): the orders list's platform.</summary>
    public string? Site { get; init; }

    public string? OrderHint { get; init; }

    /// <summary>confirmed or cancelled for a held click; a manual capture is always none.</summary>
    public string Decision { get; init; } = "confirmed";

    /// <summary>guard (a held click) or manual (a page saved by hand).</summary>
    public string Capture { get; init; } = "guard";

    public DateTimeOffset? CapturedAt { get; init; }

    /// <summary>A data:image/png or data:image/jpeg URL.</summary>
    public string? Screenshot { get; init; }
}
