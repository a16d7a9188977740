using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using ReceiptGuard.Host.Settings;

namespace ReceiptGuard.Host.Tests;

public sealed class SettingsTests : IAsyncLifetime
{
    private readonly HostFactory _host = new();
    private readonly Channel<HostSettings> _pushed = Channel.CreateUnbounded<HostSettings>();
    private HttpClient _client = null!;
    private HubConnection _hub = null!;

    public async Task InitializeAsync()
    {
        _client = _host.CreateClient();
        _hub = _host.CreateHubConnection();
        _hub.On<HostSettings>("SettingsChanged", s => _pushed.Writer.TryWrite(s));
        await _hub.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private Task<HttpResponseMessage> PutAsync(string json) =>
        _client.PutAsync("/api/settings", new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task The_defaults_are_2_MiB_per_resource_20_MiB_per_page_and_screenshots_on()
    {
        var settings = await _client.GetFromJsonAsync<JsonObject>("/api/settings");

        Assert.Equal(2 * 1024 * 1024, settings!["maxResourceBytes"]!.GetValue<int>());
        Assert.Equal(20 * 1024 * 1024, settings["maxTotalBytes"]!.GetValue<int>());
        Assert.True(settings["screenshots"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Put_settings_are_answered_read_back_and_pushed_to_every_client()
    {
        var response = await PutAsync("""{ "maxResourceBytes": 1048576, "maxTotalBytes": 8388608, "screenshots": false }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = new HostSettings(1048576, 8388608, false);
        Assert.Equal(expected, await response.Content.ReadFromJsonAsync<HostSettings>());
        Assert.Equal(expected, await _client.GetFromJsonAsync<HostSettings>("/api/settings"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(expected, await _pushed.Reader.ReadAsync(timeout.Token));
    }

    [Fact]
    public async Task Only_a_change_is_pushed()
    {
        // The defaults, while nothing was ever saved, are no change.
        (await PutAsync("""{ "maxResourceBytes": 2097152, "maxTotalBytes": 20971520, "screenshots": true }""")).EnsureSuccessStatusCode();
        (await PutAsync("""{ "maxResourceBytes": 4096, "maxTotalBytes": 8192, "screenshots": true }""")).EnsureSuccessStatusCode();
        (await PutAsync("""{ "maxResourceBytes": 4096, "maxTotalBytes": 8192, "screenshots": true }""")).EnsureSuccessStatusCode();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(new HostSettings(4096, 8192, true), await _pushed.Reader.ReadAsync(timeout.Token));
        // Give a second push time to arrive, then check none did.
        await Task.Delay(500);
        Assert.False(_pushed.Reader.TryRead(out _));
    }

    [Theory]
    [InlineData("""{ "maxTotalBytes": 8192, "screenshots": true }""", "maxResourceBytes")]
    [InlineData("""{ "maxResourceBytes": 1023, "maxTotalBytes": 8192, "screenshots": true }""", "maxResourceBytes")]
    [InlineData("""{ "maxResourceBytes": 33554433, "maxTotalBytes": 33554432, "screenshots": true }""", "maxResourceBytes")]
    [InlineData("""{ "maxResourceBytes": "2 MiB", "maxTotalBytes": 8192, "screenshots": true }""", "maxResourceBytes")]
    [InlineData("""{ "maxResourceBytes": 1.5, "maxTotalBytes": 8192, "screenshots": true }""", "maxResourceBytes")]
    [InlineData("""{ "maxResourceBytes": 4096, "screenshots": true }""", "maxTotalBytes")]
    [InlineData("""{ "maxResourceBytes": 4096, "maxTotalBytes": 2048, "screenshots": true }""", "maxTotalBytes")]
    [InlineData("""{ "maxResourceBytes": 4096, "maxTotalBytes": 33554433, "screenshots": true }""", "maxTotalBytes")]
    [InlineData("""{ "maxResourceBytes": 4096, "maxTotalBytes": 8192 }""", "screenshots")]
    [InlineData("""{ "maxResourceBytes": 4096, "maxTotalBytes": 8192, "screenshots": "yes" }""", "screenshots")]
    [InlineData("""[1, 2]""", "body")]
    [InlineData("""{ "maxResourceBytes": 4096, """, "body")]
    public async Task Invalid_settings_are_a_400_naming_the_field_and_change_nothing(string body, string field)
    {
        var response = await PutAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HostSettings.Defaults, await _client.GetFromJsonAsync<HostSettings>("/api/settings"));
    }

    [Fact]
    public async Task The_boundaries_are_accepted()
    {
        (await PutAsync("""{ "maxResourceBytes": 1024, "maxTotalBytes": 1024, "screenshots": true }""")).EnsureSuccessStatusCode();
        (await PutAsync("""{ "maxResourceBytes": 33554432, "maxTotalBytes": 33554432, "screenshots": true }""")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Settings_that_are_not_json_are_415()
    {
        var response = await _client.PutAsync("/api/settings", new StringContent("screenshots=false", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Settings_survive_a_restart_of_the_host()
    {
        (await PutAsync("""{ "maxResourceBytes": 65536, "maxTotalBytes": 1048576, "screenshots": false }""")).EnsureSuccessStatusCode();
        await _hub.DisposeAsync();
        await _host.DisposeAsync();

        using var restarted = new HostFactory(_host.DataDirectory);
        using var client = restarted.CreateClient();

        Assert.Equal(new HostSettings(65536, 1048576, false), await client.GetFromJsonAsync<HostSettings>("/api/settings"));
    }
}
