using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace ReceiptGuard.Host.Evidence.Timestamping;

/// <summary>
/// Asks an RFC 3161 time-stamping authority to timestamp a SHA-256 hash over HTTP (RFC 3161 section 3.4) and checks
/// the reply answers this request: granted status, same hash, same nonce, the signer's certificate included.
/// </summary>
public sealed class TimestampClient(HttpClient http)
{
    public const string QueryMediaType = "application/timestamp-query";
    public const string ReplyMediaType = "application/timestamp-reply";

    /// <summary>How long one request may take, connect to last byte.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Real replies are a few KiB (a token with its certificate chain); anything near this is not a reply.</summary>
    private const int MaxReplyBytes = 1024 * 1024;

    /// <exception cref="TimestampException">no token: the URL is not http(s), the TSA is unreachable or slow, or its reply is unusable.</exception>
    public async Task<TimestampToken> RequestAsync(Uri tsaUrl, ReadOnlyMemory<byte> sha256OfData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tsaUrl);
        if (sha256OfData.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException($"a SHA-256 hash is {SHA256.HashSizeInBytes} bytes, not {sha256OfData.Length}", nameof(sha256OfData));
        }

        if (!tsaUrl.IsAbsoluteUri || (tsaUrl.Scheme != Uri.UriSchemeHttp && tsaUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new TimestampException($"TSA {tsaUrl}: only http and https TSA URLs are supported");
        }

        // The random nonce makes a replayed old reply fail ProcessResponse.
        var request = Rfc3161TimestampRequest.CreateFromHash(
            sha256OfData, HashAlgorithmName.SHA256, requestedPolicyId: null, nonce: RandomNumberGenerator.GetBytes(16), requestSignerCertificates: true);
        var reply = await PostAsync(tsaUrl, request.Encode(), cancellationToken);
        return Accept(tsaUrl, request, sha256OfData, reply);
    }

    private async Task<byte[]> PostAsync(Uri tsaUrl, byte[] query, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var content = new ByteArrayContent(query);
            content.Headers.ContentType = new MediaTypeHeaderValue(QueryMediaType);
            using var response = await http.PostAsync(tsaUrl, content, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new TimestampException($"TSA {tsaUrl}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!string.Equals(mediaType, ReplyMediaType, StringComparison.OrdinalIgnoreCase))
            {
                throw new TimestampException($"TSA {tsaUrl}: answered {mediaType ?? "without a content type"}, not {ReplyMediaType}");
            }

            return await ReadLimitedAsync(tsaUrl, response.Content, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimestampException($"TSA {tsaUrl}: no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException exception)
        {
            throw new TimestampException($"TSA {tsaUrl}: unreachable ({exception.Message})", exception);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(Uri tsaUrl, HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxReplyBytes)
        {
            throw new TimestampException($"TSA {tsaUrl}: the reply is over {MaxReplyBytes} bytes");
        }

        await using var body = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxReplyBytes)
            {
                throw new TimestampException($"TSA {tsaUrl}: the reply is over {MaxReplyBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static TimestampToken Accept(Uri tsaUrl, Rfc3161TimestampRequest request, ReadOnlyMemory<byte> sha256OfData, byte[] reply)
    {
        Rfc3161TimestampToken token;
        try
        {
            // Checks the status is granted and the token answers this request (hash, nonce, certificate included).
            token = request.ProcessResponse(reply, out var consumed);
            if (consumed != reply.Length)
            {
                throw new TimestampException($"TSA {tsaUrl}: the reply has {reply.Length - consumed} bytes after the timestamp response");
            }
        }
        catch (CryptographicException exception)
        {
            throw new TimestampException($"TSA {tsaUrl}: {Describe(reply) ?? "unusable reply"} ({exception.Message})", exception);
        }

        if (!token.VerifySignatureForHash(sha256OfData.Span, HashAlgorithmName.SHA256, out var signer, extraCandidates: null) || signer is null)
        {
            throw new TimestampException($"TSA {tsaUrl}: the token's signature does not verify");
        }

        using (signer)
        {
            return new TimestampToken(token.AsSignedCms().Encode(), token.TokenInfo.Timestamp, signer.Subject);
        }
    }

    /// <summary>Names a refusal by its PKIStatus, so "rejected" reads as such rather than as a parse error.</summary>
    private static string? Describe(byte[] reply) =>
        TimestampReplyStatus.Read(reply) switch
        {
            null => null,
            0 or 1 => "granted, but the token is not valid for this request",
            2 => "request rejected (PKIStatus 2, rejection)",
            3 => "request not granted yet (PKIStatus 3, waiting)",
            var status => $"request not granted (PKIStatus {status})",
        };
}
