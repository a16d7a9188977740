using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ReceiptGuard.Host.Tests;

/// <summary>GET /api/evidence/data-folder: where the data is and how much of it, for the settings page.</summary>
public sealed class DataFolderTests : IDisposable
{
    private readonly HostFactory _host = new();
    private readonly HttpClient _client;

    public DataFolderTests()
    {
        _client = _host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task The_data_folder_is_named_with_its_database_artifacts_and_keys_and_measured()
    {
        var empty = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/data-folder"))!;
        var root = Path.GetFullPath(_host.DataDirectory);
        Assert.Equal(root, empty["root"]!.GetValue<string>());
        Assert.Equal(Path.Combine(root, "receiptguard.db"), empty["database"]!.GetValue<string>());
        Assert.Equal(Path.Combine(root, "artifacts"), empty["artifacts"]!.GetValue<string>());
        Assert.Equal(Path.Combine(root, "keys"), empty["keys"]!.GetValue<string>());
        Assert.Equal(0, empty["snapshots"]!.GetValue<int>());
        Assert.Equal(0, empty["artifactFiles"]!.GetValue<int>());
        Assert.True(empty["databaseBytes"]!.GetValue<long>() > 0);

        for (var i = 0; i < 2; i++)
        {
            var snapshot = Fixtures.NewSnapshot();
            (await _client.PostAsync("/api/snapshots", new StringContent(snapshot.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        var stored = (await _client.GetFromJsonAsync<JsonObject>("/api/evidence/data-folder"))!;
        Assert.Equal(2, stored["snapshots"]!.GetValue<int>());
        // The page and screenshot (shared: the same fixture twice) and a manifest each, at least.
        Assert.True(stored["artifactFiles"]!.GetValue<int>() >= 4, stored.ToJsonString());
        Assert.True(stored["artifactsBytes"]!.GetValue<long>() > 0);
        Assert.True(
            stored["totalBytes"]!.GetValue<long>() >= stored["artifactsBytes"]!.GetValue<long>() + stored["databaseBytes"]!.GetValue<long>(),
            stored.ToJsonString());    }
}
