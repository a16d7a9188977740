using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ReceiptGuard.E2E.Crash;
using ReceiptGuard.Testing;
using Xunit.Abstractions;

namespace ReceiptGuard.E2E;

/// <summary>
/// The host killed (SIGKILL) in the middle of many concurrent ingests: after a restart on the same data folder every
/// acknowledged (201) snapshot is there with the page as sent, the store check passes, and the start-up sweep has left
/// no temporary file, no unreferenced artifact and no row without its file. No browser: the snapshots are POSTed.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Snapshots = 1000;
    private const int Concurrency = 48;

    /// <summary>Kill once this many were acknowledged: about 40%, so plenty are still queued and in flight.</summary>
    private const int KillAfterAcknowledged = 400;

    [Fact]
    public async Task CrashSafety_acknowledged_snapshots_survive_a_kill_mid_ingest_and_the_store_stays_consistent()
    {
        var total = Stopwatch.StartNew();
        var snapshots = GeneratedSnapshot.Many(Snapshots, seed: 7);
        var dataDirectory = RepositoryPaths.NewTempDirectory("crash");
        try
        {
            var ingest = await IngestUntilKilledAsync(dataDirectory, snapshots);
            output.WriteLine($"acknowledged {ingest.Acknowledged.Count}, in flight at the kill {ingest.InFlightAtKill}, failed without an answer {ingest.Unanswered}, after {total.Elapsed.TotalSeconds:F1} s");
            Assert.InRange(ingest.Acknowledged.Count, KillAfterAcknowledged, Snapshots - 1);
            // The kill must land mid-ingest: requests were waiting for their answer and never got one.
            Assert.True(ingest.InFlightAtKill > 0, "no request was in flight when the host was killed");
            Assert.True(ingest.Unanswered > 0, "every request got an answer: the kill came too late to test anything");

            await using var host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, dataDirectory);
            using var http = await host.PairAsync("crash tests", timeout: TimeSpan.FromSeconds(30));
            foreach (var snapshot in ingest.Acknowledged)
            {
                using var summary = await http.GetAsync($"/api/snapshots/{snapshot.Id}");
                Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
                Assert.Equal(snapshot.HasScreenshot, JsonNode.Parse(await summary.Content.ReadAsStringAsync())!["hasScreenshot"]!.GetValue<bool>());
                var page = await http.GetByteArrayAsync($"/api/snapshots/{snapshot.Id}/html");
                Assert.Equal(snapshot.HtmlSha256, Convert.ToHexStringLower(SHA256.HashData(page)));
            }

            var folder = new DataFolder(dataDirectory);
            // The restarted host parses what was stored unparsed; its result files are written before their rows,
            // so the files are compared with the rows only once it is done.
            await WaitUntilAsync(async () => await folder.CountAsync("SELECT COUNT(*) FROM snapshots WHERE id NOT IN (SELECT snapshot_id FROM parse_results);") == 0,
                TimeSpan.FromSeconds(20), "the restarted host did not finish parsing the stored snapshots");

            var verify = JsonNode.Parse(await http.GetStringAsync("/api/evidence/verify"))!;
            Assert.True(verify["ok"]!.GetValue<bool>(), $"store check: {verify["firstProblem"]}");
            Assert.True(verify["snapshots"]!.GetValue<int>() >= ingest.Acknowledged.Count);

            Assert.Empty(folder.TemporaryFiles());
            var files = folder.ArtifactFiles();
            var referenced = await folder.ReferencedArtifactsAsync();
            Assert.Empty(files.Except(referenced));
            Assert.Empty(referenced.Except(files));
            output.WriteLine($"{verify["snapshots"]} snapshots and {files.Count} artifact files after the restart; {total.Elapsed.TotalSeconds:F1} s in all");
            output.WriteLine(host.Output.Split('\n').FirstOrDefault(l => l.Contains("Store check at start-up", StringComparison.Ordinal)) ?? "start-up sweep: nothing to remove");
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private sealed record IngestOutcome(IReadOnlyList<GeneratedSnapshot> Acknowledged, int InFlightAtKill, int Unanswered);

    /// <summary>POSTs the snapshots from <see cref="Concurrency"/> clients and kills the host once enough were acknowledged.</summary>
    private static async Task<IngestOutcome> IngestUntilKilledAsync(string dataDirectory, IReadOnlyList<GeneratedSnapshot> snapshots)
    {
        var host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, dataDirectory);
        await using var _ = host;
        using var http = await host.PairAsync("crash tests", new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }, TimeSpan.FromSeconds(30));

        var acknowledged = new List<GeneratedSnapshot>();
        var next = -1;
        var inFlight = 0;
        var inFlightAtKill = -1;
        var unanswered = 0;
        var killing = 0;
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task ClientAsync()
        {
            for (var n = Interlocked.Increment(ref next); n < snapshots.Count && !killed.Task.IsCompleted; n = Interlocked.Increment(ref next))
            {
                var snapshot = snapshots[n];
                using var content = new ByteArrayContent(snapshot.Body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                Interlocked.Increment(ref inFlight);
                HttpResponseMessage response;
                try
                {
                    response = await http.PostAsync("/api/snapshots", content);
                }
                // The kill closes the connections, possibly a moment before the process counts as exited.
                catch (HttpRequestException) when (Volatile.Read(ref killing) == 1)
                {
                    Interlocked.Increment(ref unanswered);
                    return;
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }

                using (response)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Created, $"snapshot {n}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                int count;
                lock (acknowledged)
                {
                    acknowledged.Add(snapshot);
                    count = acknowledged.Count;
                }

                if (count == KillAfterAcknowledged)
                {
                    inFlightAtKill = Volatile.Read(ref inFlight);
                    Volatile.Write(ref killing, 1);
                    await host.KillAsync();
                    killed.TrySetResult();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(ClientAsync)));
        Assert.True(killed.Task.IsCompleted, "the host was never killed");
        lock (acknowledged)
        {
            return new IngestOutcome([.. acknowledged], inFlightAtKill, unanswered);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, failure);
            await Task.Delay(100);
        }
    }
}
