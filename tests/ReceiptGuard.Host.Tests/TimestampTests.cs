using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using ReceiptGuard.Host.Evidence.Timestamping;
using ReceiptGuard.Testing;

namespace ReceiptGuard.Host.Tests;

public sealed class TimestampTests : IAsyncLifetime
{
    private static readonly byte[] Hash = SHA256.HashData(Encoding.UTF8.GetBytes("a stored snapshot manifest"));

    private readonly HttpClient _http = new();
    private LoopbackTsa _tsa = null!;

    private TimestampClient Client => new(_http);

    public async Task InitializeAsync() => _tsa = await LoopbackTsa.StartAsync();

    public async Task DisposeAsync()
    {
        await _tsa.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task A_token_from_the_TSA_verifies_for_the_hash_it_was_requested_for()
    {
        var token = await Client.RequestAsync(_tsa.Url, Hash, CancellationToken.None);

        Assert.Equal(_tsa.Subject, token.TsaName);
        Assert.InRange(token.GenTime, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        var check = TimestampVerifier.Verify(token.Der, Hash);
        Assert.True(check.Valid, check.Problem);
        Assert.Null(check.Problem);
        Assert.Equal(token.GenTime, check.GenTime);
        Assert.Equal(1, _tsa.Requests);
    }

    [Fact]
    public async Task A_token_does_not_verify_for_another_hash()
    {
        var token = await Client.RequestAsync(_tsa.Url, Hash, CancellationToken.None);
        var other = SHA256.HashData(Encoding.UTF8.GetBytes("another manifest"));

        var check = TimestampVerifier.Verify(token.Der, other);

        Assert.False(check.Valid);
        Assert.Null(check.GenTime);
        Assert.Equal(TimestampVerifier.OtherData, check.Problem);
    }

    [Fact]
    public async Task A_token_with_a_changed_signature_does_not_verify()
    {
        var token = await Client.RequestAsync(_tsa.Url, Hash, CancellationToken.None);
        var cms = new SignedCms();
        cms.Decode(token.Der);
        var signature = cms.SignerInfos[0].GetSignature();
        var changed = (byte[])token.Der.Clone();
        changed[token.Der.AsSpan().IndexOf(signature) + signature.Length - 1] ^= 0x01;

        var check = TimestampVerifier.Verify(changed, Hash);

        Assert.False(check.Valid);
        Assert.Null(check.GenTime);
        Assert.Equal(TimestampVerifier.NotAToken, check.Problem);
    }

    [Fact]
    public void Bytes_that_are_not_a_token_do_not_verify()
    {
        var check = TimestampVerifier.Verify(Encoding.UTF8.GetBytes("not a token"), Hash);

        Assert.False(check.Valid);
        Assert.Equal(TimestampVerifier.NotAToken, check.Problem);
    }

    [Fact]
    public async Task A_rejected_request_says_so_and_names_the_TSA()
    {
        _tsa.Behavior = TsaBehavior.Reject;

        var error = await Assert.ThrowsAsync<TimestampException>(() => Client.RequestAsync(_tsa.Url, Hash, CancellationToken.None));

        Assert.StartsWith($"TSA {_tsa.Url}: request rejected (PKIStatus 2, rejection)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_garbage_reply_is_refused()
    {
        _tsa.Behavior = TsaBehavior.Garbage;

        var error = await Assert.ThrowsAsync<TimestampException>(() => Client.RequestAsync(_tsa.Url, Hash, CancellationToken.None));

        Assert.Contains(_tsa.Url.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _tsa.Requests);
    }

    [Fact]
    public async Task A_token_for_another_hash_is_refused()
    {
        _tsa.Behavior = TsaBehavior.WrongHash;

        var error = await Assert.ThrowsAsync<TimestampException>(() => Client.RequestAsync(_tsa.Url, Hash, CancellationToken.None));

        Assert.StartsWith($"TSA {_tsa.Url}: granted, but the token is not valid for this request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_TSA_that_is_down_fails_quickly()
    {
        await _tsa.GoDownAsync();
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimestampException>(() => Client.RequestAsync(_tsa.Url, Hash, CancellationToken.None));

        Assert.StartsWith($"TSA {_tsa.Url}: unreachable", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/tsa")]
    [InlineData("file:///etc/passwd")]
    public async Task Only_http_and_https_TSA_URLs_are_used(string url)
    {
        var error = await Assert.ThrowsAsync<TimestampException>(() => Client.RequestAsync(new Uri(url), Hash, CancellationToken.None));

        Assert.Contains("only http and https", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _tsa.Requests);
    }
}
