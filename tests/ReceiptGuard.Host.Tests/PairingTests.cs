using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReceiptGuard.Host.Pairing;

namespace ReceiptGuard.Host.Tests;

/// <summary>
/// Pairing: the one-time code, the token every API and hub call must carry, revoking, and the review UI's session
/// cookie. Each rejection is checked for its status and for having stored nothing.
/// </summary>
public sealed class PairingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private HostFactory _host = null!;

    public Task InitializeAsync()
    {
        _host = new HostFactory { TestServices = services => services.AddSingleton<TimeProvider>(_clock) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Every route group of the API, as (method, path, body): each must refuse an unpaired caller.</summary>
    public static readonly TheoryData<string, string> Protected = new()
    {
        { "POST", "/api/snapshots" },
        { "GET", "/api/snapshots" },
        { "GET", $"/api/snapshots/{Guid.Empty:D}" },
        { "GET", $"/api/snapshots/{Guid.Empty:D}/html" },
        { "GET", $"/api/snapshots/{Guid.Empty:D}/parsed" },
        { "GET", $"/api/snapshots/{Guid.Empty:D}/custody" },
        { "POST", $"/api/snapshots/{Guid.Empty:D}/notes" },
        { "DELETE", $"/api/snapshots/{Guid.Empty:D}" },
        { "GET", "/api/orders" },
        { "GET", "/api/orders/123" },
        { "GET", "/api/stats" },
        { "GET", "/api/settings" },
        { "PUT", "/api/settings" },
        { "GET", "/api/evidence/key" },
        { "GET", "/api/evidence/verify" },
        { "GET", "/api/evidence/settings" },
        { "PUT", "/api/evidence/settings" },
        { "GET", "/api/evidence/data-folder" },
        { "GET", "/api/evidence/retention" },
        { "PUT", "/api/evidence/retention" },
        { "GET", "/api/search?q=abc" },
        { "GET", "/api/export" },
        { "POST", "/api/pairing/codes" },
        { "GET", "/api/pairing/clients" },
        { "DELETE", $"/api/pairing/clients/{Guid.Empty:D}" },
        { "POST", "/hubs/guard/negotiate?negotiateVersion=1" },
    };

    [Theory]
    [MemberData(nameof(Protected))]
    public async Task Every_api_group_and_the_hub_answer_401_without_a_credential_or_with_a_wrong_one(string method, string path)
    {
        using var anonymous = _host.CreateAnonymousClient();
        await AssertRefusedAsync(anonymous, method, path, "not paired");

        using var wrong = _host.CreateAnonymousClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PairingSecret.Base64Url(RandomNumberGenerator.GetBytes(32)));
        await AssertRefusedAsync(wrong, method, path, "revoked");

        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once_and_stores_nothing()
    {
        var (clientId, token) = await PairThroughTheUiAsync("Chrome on the desk");
        using var extension = ClientWith(token);
        Assert.Equal(HttpStatusCode.OK, (await extension.GetAsync("/api/snapshots")).StatusCode);

        using var ui = await _host.CreateUiClientAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await ui.DeleteAsync($"/api/pairing/clients/{clientId:D}")).StatusCode);

        await AssertRefusedAsync(extension, "POST", "/api/snapshots", "revoked");
        await AssertRefusedAsync(extension, "GET", "/api/snapshots", "revoked");
        await AssertNothingStoredAsync();
        var listed = (await ui.GetFromJsonAsync<JsonArray>("/api/pairing/clients"))!.Single(c => c!["id"]!.GetValue<Guid>() == clientId)!;
        Assert.NotNull(listed["revokedAt"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_claimed_code_gives_a_working_token_and_the_client_is_listed_with_its_origin()
    {
        var (clientId, token) = await PairThroughTheUiAsync("Firefox", origin: "moz-extension://5b0f7c1e-0000-4000-8000-000000000001");
        using var extension = ClientWith(token);
        using var content = new StringContent(Fixtures.NewSnapshot().ToJsonString(), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Created, (await extension.PostAsync("/api/snapshots", content)).StatusCode);

        using var ui = await _host.CreateUiClientAsync();
        var listed = (await ui.GetFromJsonAsync<JsonArray>("/api/pairing/clients"))!.Single(c => c!["id"]!.GetValue<Guid>() == clientId)!;
        Assert.Equal("Firefox", listed["name"]!.GetValue<string>());
        Assert.Equal("moz-extension://5b0f7c1e-0000-4000-8000-000000000001", listed["origin"]!.GetValue<string>());
        Assert.Null(listed["revokedAt"]);
        Assert.NotNull(listed["lastSeenAt"]);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_with_a_clear_message_and_pairs_nothing()
    {
        using var ui = await _host.CreateUiClientAsync();
        var code = await NewCodeAsync(ui);
        using var anonymous = _host.CreateAnonymousClient();
        var wrongCode = code == "AAAAAAAA" ? "BBBBBBBB" : "AAAAAAAA";

        var problem = await ClaimExpectingProblemAsync(anonymous, wrongCode);
        Assert.Contains("not the pairing code", problem, StringComparison.Ordinal);
        Assert.Equal(0, await PairedRowsAsync());

        // The right one still works after a wrong guess or two.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/pairing/claim", new { code, name = "x" })).StatusCode);
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        using var ui = await _host.CreateUiClientAsync();
        var code = await NewCodeAsync(ui);
        _clock.Advance(PairingCodes.Lifetime + TimeSpan.FromSeconds(1));

        using var anonymous = _host.CreateAnonymousClient();
        Assert.Contains("expired", await ClaimExpectingProblemAsync(anonymous, code), StringComparison.Ordinal);
        Assert.Equal(0, await PairedRowsAsync());
    }

    [Fact]
    public async Task A_code_works_once()
    {
        using var ui = await _host.CreateUiClientAsync();
        var code = await NewCodeAsync(ui);
        using var anonymous = _host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/pairing/claim", new { code, name = "first" })).StatusCode);

        Assert.Contains("already used", await ClaimExpectingProblemAsync(anonymous, code), StringComparison.Ordinal);
        Assert.Equal(1, await PairedRowsAsync());
    }

    [Fact]
    public async Task Guessing_burns_the_code_so_even_the_right_one_then_fails()
    {
        using var ui = await _host.CreateUiClientAsync();
        var code = await NewCodeAsync(ui);
        using var anonymous = _host.CreateAnonymousClient();
        for (var guess = 0; guess < PairingCodes.MaxWrongAttempts; guess++)
        {
            await ClaimExpectingProblemAsync(anonymous, $"ZZZZZZZ{PairingCodes.Alphabet[guess]}" == code ? "ZZZZZZZZ" : $"ZZZZZZZ{PairingCodes.Alphabet[guess]}");
        }

        Assert.Contains("Too many wrong", await ClaimExpectingProblemAsync(anonymous, code), StringComparison.Ordinal);
        Assert.Equal(0, await PairedRowsAsync());
    }

    [Fact]
    public async Task A_paired_extension_cannot_make_codes_or_revoke_only_the_review_ui_can()
    {
        using var extension = _host.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await extension.PostAsync("/api/pairing/codes", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await extension.GetAsync("/api/pairing/clients")).StatusCode);
    }

    [Fact]
    public async Task The_ui_session_cookie_is_HttpOnly_SameSite_Strict_and_lets_the_ui_call_the_api()
    {
        using var anonymous = _host.CreateAnonymousClient();
        using var page = await anonymous.GetAsync("/settings");
        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("receiptguard-ui-", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);

        // The same client now holds the cookie (the test client keeps cookies as a browser does).
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/snapshots")).StatusCode);

        using var forged = _host.CreateAnonymousClient();
        forged.DefaultRequestHeaders.Add("Cookie", $"{cookie.Split('=')[0]}=forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/snapshots")).StatusCode);
    }

    [Fact]
    public async Task Health_is_open_but_says_where_the_data_is_only_to_a_paired_caller()
    {
        using var anonymous = _host.CreateAnonymousClient();
        var open = (await anonymous.GetFromJsonAsync<JsonObject>("/api/health"))!;
        Assert.False(open["paired"]!.GetValue<bool>());
        Assert.Null(open["dataDirectory"]);

        using var extension = _host.CreateClient();
        var paired = (await extension.GetFromJsonAsync<JsonObject>("/api/health"))!;
        Assert.True(paired["paired"]!.GetValue<bool>());
        Assert.Equal(Path.GetFullPath(_host.DataDirectory), paired["dataDirectory"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_token_is_accepted_as_a_query_parameter_on_the_hub_only()
    {
        using var anonymous = _host.CreateAnonymousClient();
        var token = Uri.EscapeDataString(_host.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/snapshots?access_token={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync($"/hubs/guard/negotiate?negotiateVersion=1&access_token={token}", null)).StatusCode);
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_token_or_with_a_wrong_one()
    {
        await using var none = _host.CreateHubConnection(() => Task.FromResult<string?>(null));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => none.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await using var wrong = _host.CreateHubConnection(() => Task.FromResult<string?>("not-a-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<HttpRequestException>(() => wrong.StartAsync())).StatusCode);
    }

    [Fact]
    public async Task Revoking_closes_the_extensions_open_hub_connection()
    {
        var (clientId, token) = await PairThroughTheUiAsync("to be revoked");
        await using var hub = _host.CreateHubConnection(() => Task.FromResult<string?>(token));
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        Assert.Equal(HubConnectionState.Connected, hub.State);

        using var ui = await _host.CreateUiClientAsync();
        (await ui.DeleteAsync($"/api/pairing/clients/{clientId:D}")).EnsureSuccessStatusCode();

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task Only_an_hmac_of_the_token_is_stored()
    {
        var (_, token) = await PairThroughTheUiAsync("hash check");
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "receiptguard.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT token_hash FROM paired_clients WHERE name = 'hash check';";
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.NotEqual(token, stored);
        Assert.Equal(_host.Services.GetRequiredService<PairingStore>().HashOf(token), stored);

        // Nowhere in the database files either (WAL included), in any encoding the token could take.
        foreach (var file in Directory.EnumerateFiles(_host.DataDirectory, "receiptguard.db*"))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.DoesNotContain(token, Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_secret_file_is_readable_by_the_user_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        var secret = _host.Services.GetRequiredService<PairingSecret>();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret.Path));
        Assert.Equal(Path.Combine(_host.DataDirectory, "keys", PairingSecret.FileName), secret.Path);
    }

    [Fact]
    public async Task A_firefox_origin_is_trusted_only_while_its_pairing_lives_and_a_web_origin_cannot_even_claim()
    {
        const string firefox = "moz-extension://5b0f7c1e-0000-4000-8000-0000000000aa";
        async Task<HttpStatusCode> PostFromAsync(string origin, string? token)
        {
            using var client = token is null ? _host.CreateAnonymousClient() : ClientWith(token);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/snapshots")
            {
                Content = new StringContent(Fixtures.NewSnapshot().ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Origin", origin);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        // Not paired: the caller checks refuse its origin, whatever it sends.
        Assert.Equal(HttpStatusCode.Forbidden, await PostFromAsync(firefox, null));

        // A web page cannot reach the claim at all; an extension origin can, and the code decides.
        using (var web = _host.CreateAnonymousClient())
        using (var claim = new HttpRequestMessage(HttpMethod.Post, "/api/pairing/claim") { Content = JsonContent.Create(new { code = "AAAA-AAAA", name = "evil" }) })
        {
            claim.Headers.Add("Origin", "https://evil.example");
            Assert.Equal(HttpStatusCode.Forbidden, (await web.SendAsync(claim)).StatusCode);
        }

        var (clientId, token) = await PairThroughTheUiAsync("Firefox", origin: firefox);
        Assert.Equal(HttpStatusCode.Created, await PostFromAsync(firefox, token));

        using var ui = await _host.CreateUiClientAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await ui.DeleteAsync($"/api/pairing/clients/{clientId:D}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await PostFromAsync(firefox, token));
    }

    [Fact]
    public async Task A_paired_firefox_origin_is_trusted_again_after_a_restart()
    {
        const string firefox = "moz-extension://5b0f7c1e-0000-4000-8000-0000000000bb";
        var (_, token) = await PairThroughTheUiAsync("Firefox", origin: firefox);
        var data = _host.DataDirectory;
        await _host.DisposeAsync();
        _host = new HostFactory(data) { TestServices = services => services.AddSingleton<TimeProvider>(_clock) };

        using var client = ClientWith(token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/snapshots");
        request.Headers.Add("Origin", firefox);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    private async Task<(Guid ClientId, string Token)> PairThroughTheUiAsync(string name, string? origin = null)
    {
        using var ui = await _host.CreateUiClientAsync();
        var code = await NewCodeAsync(ui);
        using var extension = _host.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pairing/claim") { Content = JsonContent.Create(new { code, name }) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await extension.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var granted = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (granted["clientId"]!.GetValue<Guid>(), granted["token"]!.GetValue<string>());
    }

    private static async Task<string> NewCodeAsync(HttpClient ui)
    {
        using var response = await ui.PostAsync("/api/pairing/codes", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(code["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.MinValue);
        return code["code"]!.GetValue<string>();
    }

    private static async Task<string> ClaimExpectingProblemAsync(HttpClient client, string code)
    {
        using var response = await client.PostAsJsonAsync("/api/pairing/claim", new { code, name = "guesser" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
    }

    private HttpClient ClientWith(string token)
    {
        var client = _host.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task AssertRefusedAsync(HttpClient client, string method, string path, string expectedInDetail)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            // A valid snapshot wherever one fits: refused for who sent it, not for what.
            request.Content = new StringContent(Fixtures.NewSnapshot().ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        Assert.Contains(expectedInDetail == "revoked" ? "revoked" : "Pair the extension", detail, StringComparison.Ordinal);
    }

    private async Task AssertNothingStoredAsync()
    {
        using var paired = _host.CreateClient();
        var page = (await paired.GetFromJsonAsync<JsonObject>("/api/snapshots"))!;
        Assert.Equal(0, page["total"]!.GetValue<int>());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_host.DataDirectory, "artifacts"), "*", SearchOption.AllDirectories));
    }

    private async Task<long> PairedRowsAsync()
    {
        // The host tests' own client (HostFactory.Token) is one row once any client was made; count the others.
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "receiptguard.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM paired_clients WHERE name <> 'host tests';";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
