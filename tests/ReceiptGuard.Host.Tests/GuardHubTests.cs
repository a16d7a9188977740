using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using ReceiptGuard.Host.Capture;

namespace ReceiptGuard.Host.Tests;

public sealed class GuardHubTests : IAsyncLifetime
{
    private readonly HostFactory _host = new();
    private HubConnection _hub = null!;
    private readonly Channel<SnapshotSummary> _pushed = Channel.CreateUnbounded<SnapshotSummary>();

    public async Task InitializeAsync()
    {
        _hub = _host.CreateHubConnection();
        _hub.On<SnapshotSummary>("SnapshotStored", s => _pushed.Writer.TryWrite(s));
        await _hub.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Storing_a_snapshot_pushes_SnapshotStored_once_even_when_reposted()
    {
        using var client = _host.CreateClient();
        var snapshot = Fixtures.NewSnapshot();
        using var content = new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json");

        (await client.PostAsync("/api/snapshots", content)).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var pushed = await _pushed.Reader.ReadAsync(timeout.Token);
        Assert.Equal(Guid.Parse(snapshot["id"]!.GetValue<string>()), pushed.Id);
        Assert.Equal(Decision.Confirmed, pushed.Decision);

        // The retry must not be announced again: give a second push time to arrive, then check none did.
        await Task.Delay(500);
        Assert.False(_pushed.Reader.TryRead(out _));
    }
}
