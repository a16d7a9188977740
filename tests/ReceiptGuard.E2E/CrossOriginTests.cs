using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.Testing;
using Xunit.Abstractions;

namespace ReceiptGuard.E2E;

/// <summary>
/// A page on another origin (http://evil.test, served by the beacon server) attacks the real host process in real
/// Chromium: fetch (simple, JSON, no-cors text/plain), form posts (urlencoded and text/plain crafted JSON), an image
/// to /api/export (which logs an export) and a WebSocket to the hub. It reads nothing, stores nothing, logs no export
/// and opens no socket. The page is kept a loopback address so Chromium's Local Network Access does not stop it first:
/// what stops it is the host. The same WebSocket code from the host's own page opens, so a refused socket means refused.
/// </summary>
public sealed class CrossOriginTests(ITestOutputHelper output)
{
    private const string Evil = "http://evil.test";

    /// <summary>Runs every attack against the host named in the page's #fragment and leaves the outcomes in window.results.</summary>
    private static string AttackPage(string snapshotJson) => $$"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>evil</title></head><body>
        <iframe name="sink"></iframe>
        <script>
        const host = location.hash.slice(1);
        const snapshot = {{snapshotJson}};
        const results = {};
        const attempt = async (name, run) => {
          try { results[name] = await run(); } catch (e) { results[name] = 'error: ' + e; }
        };
        const read = async (response) => 'read ' + response.status + ' ' + (await response.text()).slice(0, 80);
        const post = (enctype, fields) => new Promise((resolve) => {
          const frame = document.querySelector('iframe');
          const form = document.createElement('form');
          form.method = 'post'; form.action = host + '/api/snapshots'; form.target = 'sink'; form.enctype = enctype;
          for (const [name, value] of fields) {
            const input = document.createElement('input');
            input.name = name; input.value = value; form.append(input);
          }
          document.body.append(form);
          frame.addEventListener('load', () => resolve('submitted'), { once: true });
          form.submit();
          setTimeout(() => resolve('no load'), 5000);
        });
        window.done = (async () => {
          await attempt('simpleGet', async () => read(await fetch(host + '/api/snapshots')));
          await attempt('jsonPost', async () => read(await fetch(host + '/api/snapshots', {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(snapshot) })));
          await attempt('noCorsPost', async () => (await fetch(host + '/api/snapshots', {
            method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(snapshot) })).type);
          await attempt('formUrlencoded', () => post('application/x-www-form-urlencoded', [['v', '1'], ['html', '<p>x</p>']]));
          // The classic JSON CSRF: a text/plain form whose body reads name=value as one JSON object.
          const json = JSON.stringify(snapshot);
          await attempt('formTextPlain', () => post('text/plain', [[json.slice(0, -1) + ',"pad":"', '"}']]));
          await attempt('exportImage', () => new Promise((resolve) => {
            const image = new Image();
            image.onload = () => resolve('loaded');
            image.onerror = () => resolve('error');
            image.src = host + '/api/export?all=true';
          }));
          await attempt('webSocket', () => new Promise((resolve) => {
            const socket = new WebSocket(host.replace('http', 'ws') + '/hubs/guard');
            socket.onopen = () => { resolve('open'); socket.close(); };
            socket.onerror = () => resolve('error');
            setTimeout(() => resolve('timeout'), 5000);
          }));
          return results;
        })();
        </script></body></html>
        """;

    [Fact]
    public async Task A_page_on_another_origin_reads_nothing_stores_nothing_exports_nothing_and_opens_no_socket()
    {
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Fixtures, "protocol", "snapshot-v1.json")))!.AsObject();
        foreach (var field in new[] { "embeddedData", "screenshot", "screenshotError", "context" })
        {
            snapshot.Remove(field);
        }

        snapshot["id"] = Guid.NewGuid().ToString("D");
        await using var evil = await BeaconServer.StartAsync(AttackPage(snapshot.ToJsonString()));
        var data = RepositoryPaths.NewTempDirectory("cross-origin");
        await using var host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, data);
        await using var browser = await BrowserSession.LaunchAsync(evil.Port, withExtension: false, otherNamesArePublic: false);
        using var api = await host.PairAsync("cross-origin test", timeout: TimeSpan.FromSeconds(30));
        var hostOrigin = host.BaseAddress.GetLeftPart(UriPartial.Authority);

        // One snapshot stored by a legitimate client, so an export would have something to log.
        var stored = snapshot.DeepClone().AsObject();
        stored["id"] = Guid.NewGuid().ToString("D");
        Assert.Equal(System.Net.HttpStatusCode.Created,
            (await api.PostAsync("/api/snapshots", new StringContent(stored.ToJsonString(), Encoding.UTF8, "application/json"))).StatusCode);
        // Its parse is logged in the custody chain too: wait for it, so the chain only grows if the page did something.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await api.GetAsync($"/api/snapshots/{stored["id"]}/parsed")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "the stored snapshot was not parsed in time");
            await Task.Delay(100);
        }

        var before = await StoreReportAsync(api);

        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync($"{Evil}{BeaconServer.PagePath}#{hostOrigin}");
        var results = JsonNode.Parse((await page.EvaluateAsync<JsonElement>("window.done")).GetRawText())!.AsObject();
        output.WriteLine(results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        // Nothing stored, no export logged: the snapshot count and the custody log are as they were.
        var after = await StoreReportAsync(api);
        Assert.Equal(before["snapshots"]!.GetValue<int>(), after["snapshots"]!.GetValue<int>());
        Assert.Equal(before["entries"]!.GetValue<int>(), after["entries"]!.GetValue<int>());
        Assert.True(after["ok"]!.GetValue<bool>(), after.ToJsonString());

        // Nothing readable: every CORS fetch failed in the browser (no CORS headers for this origin).
        Assert.StartsWith("error", results["simpleGet"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("error", results["jsonPost"]!.GetValue<string>(), StringComparison.Ordinal);
        // no-cors gives at best an opaque response; the host's Cross-Origin-Resource-Policy turns it into a network error.
        Assert.Matches("^(opaque|error: )", results["noCorsPost"]!.GetValue<string>());
        Assert.Equal("error", results["exportImage"]!.GetValue<string>());
        Assert.Equal("error", results["webSocket"]!.GetValue<string>());

        // The control: the same socket from the host's own page opens, so the refusal above is the host's.
        var own = await browser.Context.NewPageAsync();
        await own.GotoAsync(hostOrigin + "/");
        var opened = await own.EvaluateAsync<string>("""
            () => new Promise((resolve) => {
              const socket = new WebSocket(location.origin.replace('http', 'ws') + '/hubs/guard');
              socket.onopen = () => { resolve('open'); socket.close(); };
              socket.onerror = () => resolve('error');
              setTimeout(() => resolve('timeout'), 5000);
            })
            """);
        Assert.Equal("open", opened);
    }

    private static async Task<JsonObject> StoreReportAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonObject>("/api/evidence/verify"))!;
}
