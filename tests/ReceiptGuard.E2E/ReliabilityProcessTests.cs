using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ReceiptGuard.E2E.Crash;
using ReceiptGuard.E2E.Infrastructure;
using ReceiptGuard.Testing;
using Xunit.Abstractions;

namespace ReceiptGuard.E2E;

/// <summary>
/// The real host process: stopped with SIGTERM in the middle of many ingests (graceful shutdown drains them), refusing
/// to start on a damaged database, and under load from 200 concurrent clients. (SIGKILL mid-ingest: CrashSafetyTests.)
/// </summary>
public sealed class ReliabilityProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sigterm_mid_ingest_drains_in_flight_requests_exits_0_and_stores_exactly_what_was_acknowledged()
    {
        const int snapshots = 600;
        const int concurrency = 32;
        var generated = GeneratedSnapshot.Many(snapshots, seed: 11);
        var data = RepositoryPaths.NewTempDirectory("sigterm");
        try
        {
            var acknowledged = new List<GeneratedSnapshot>();
            var acknowledgedAfterSignal = 0;
            var refused = 0;
            var inFlightAtSignal = -1;
            int exitCode;
            await using (var host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, data))
            using (var http = await ApiClients.ForAsync(host, concurrency))
            {
                var next = -1;
                var inFlight = 0;
                var signalled = 0;
                Task<int>? stopping = null;
                async Task ClientAsync()
                {
                    for (var n = Interlocked.Increment(ref next); n < snapshots; n = Interlocked.Increment(ref next))
                    {
                        using var content = new ByteArrayContent(generated[n].Body);
                        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                        Interlocked.Increment(ref inFlight);
                        var sentBeforeSignal = Volatile.Read(ref signalled) == 0;
                        try
                        {
                            using var response = await http.PostAsync("/api/snapshots", content);
                            // Anything but 201 is a refusal; the check after the restart proves it stored nothing.
                            if (response.StatusCode != HttpStatusCode.Created)
                            {
                                Interlocked.Increment(ref refused);
                                continue;
                            }
                        }
                        catch (HttpRequestException) when (Volatile.Read(ref signalled) == 1)
                        {
                            // The listener closed: refused, never acknowledged.
                            Interlocked.Increment(ref refused);
                            continue;
                        }
                        finally
                        {
                            Interlocked.Decrement(ref inFlight);
                        }

                        int count;
                        lock (acknowledged)
                        {
                            acknowledged.Add(generated[n]);
                            count = acknowledged.Count;
                            if (sentBeforeSignal && Volatile.Read(ref signalled) == 1)
                            {
                                acknowledgedAfterSignal++;
                            }
                        }

                        if (count == 150)
                        {
                            inFlightAtSignal = Volatile.Read(ref inFlight);
                            Volatile.Write(ref signalled, 1);
                            stopping = host.TerminateAsync(TimeSpan.FromSeconds(60));
                        }
                    }
                }

                await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(ClientAsync)));
                Assert.NotNull(stopping);
                exitCode = await stopping;
                output.WriteLine($"acknowledged {acknowledged.Count} ({acknowledgedAfterSignal} of them in flight at SIGTERM and answered after it), refused {refused}, in flight at the signal {inFlightAtSignal}, exit code {exitCode}");
                output.WriteLine(host.Output);
            }

            Assert.Equal(0, exitCode);
            Assert.True(inFlightAtSignal > 0, "nothing was in flight at SIGTERM");
            // The drain: requests already being read or stored when the signal came were answered 201, not dropped.
            Assert.True(acknowledgedAfterSignal > 0, "no request in flight at SIGTERM was completed");

            await using var restarted = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, data);
            using var client = await ApiClients.ForAsync(restarted);
            foreach (var snapshot in acknowledged)
            {
                var page = await client.GetByteArrayAsync($"/api/snapshots/{snapshot.Id}/html");
                Assert.Equal(snapshot.HtmlSha256, Convert.ToHexStringLower(SHA256.HashData(page)));
            }

            var verify = (await client.GetFromJsonAsync<JsonObject>("/api/evidence/verify"))!;
            Assert.True(verify["ok"]!.GetValue<bool>(), verify.ToJsonString());
            // Exactly the acknowledged ones: nothing refused left a row, nothing acknowledged is missing.
            Assert.Equal(acknowledged.Count, verify["snapshots"]!.GetValue<int>());
            Assert.Empty(new DataFolder(data).TemporaryFiles());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_damaged_database_stops_the_host_with_exit_code_3_naming_the_file()
    {
        var data = RepositoryPaths.NewTempDirectory("damaged");
        try
        {
            await using (var host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, data))
            using (var http = await ApiClients.ForAsync(host))
            {
                foreach (var snapshot in GeneratedSnapshot.Many(20, seed: 3))
                {
                    using var content = new ByteArrayContent(snapshot.Body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    (await http.PostAsync("/api/snapshots", content)).EnsureSuccessStatusCode();
                }

                Assert.Equal(0, await host.TerminateAsync(TimeSpan.FromSeconds(30)));
            }

            var database = Path.Combine(data, "receiptguard.db");
            using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                connection.Open();
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                checkpoint.ExecuteNonQuery();
            }

            var bytes = await File.ReadAllBytesAsync(database);
            new Random(5).NextBytes(bytes.AsSpan(2 * 4096, Math.Min(4 * 4096, bytes.Length - 2 * 4096)));
            await File.WriteAllBytesAsync(database, bytes);

            await using var damaged = HostProcess.Launch(RepositoryPaths.HostAssembly, data);
            var code = await damaged.WaitForExitAsync(TimeSpan.FromSeconds(30));
            output.WriteLine(damaged.Output);
            Assert.Equal(3, code);
            Assert.Contains($"error: the database {database} is damaged", damaged.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(HostProcess.Banner, damaged.Output, StringComparison.Ordinal);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(database));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Load_200_concurrent_clients_posting_and_listing_on_loopback_0_errors_and_every_snapshot_stored()
    {
        var data = RepositoryPaths.NewTempDirectory("load");
        try
        {
            await using var host = await HostProcess.StartAsync(RepositoryPaths.HostAssembly, data);
            var outcome = await LoadRun.RunAsync(await ApiClients.FactoryAsync(host), clients: 200, maxRequests: 2000, timeLimit: TimeSpan.FromSeconds(25));
            output.WriteLine($"{outcome.Requests} requests from 200 clients in {outcome.Elapsed.TotalSeconds:F1} s, {outcome.Errors.Count} errors");
            foreach (var latency in outcome.Latencies)
            {
                output.WriteLine(latency.ToString());
            }

            Assert.Empty(outcome.Errors);
            Assert.True(outcome.Requests >= 500, $"only {outcome.Requests} requests in the time limit");
            using var http = await ApiClients.ForAsync(host);
            var page = (await http.GetFromJsonAsync<JsonObject>("/api/snapshots?limit=1"))!;
            Assert.Equal(outcome.Stored.Count, page["total"]!.GetValue<int>());
            foreach (var id in outcome.Stored)
            {
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/snapshots/{id}")).StatusCode);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
