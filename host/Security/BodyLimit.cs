using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace ReceiptGuard.Host.Security;

/// <summary>
/// One body limit for every endpoint, small by default; an endpoint that takes large bodies says so with
/// <see cref="IRequestSizeLimitMetadata"/> (snapshot ingest). Runs after routing so it knows the endpoint.
/// </summary>
public sealed class BodyLimit(RequestDelegate next, IOptions<SecurityOptions> options)
{
    private readonly long _defaultLimit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? _defaultLimit;
        if (context.Request.ContentLength > limit)
        {
            // Refused before a byte is read, as problem+json (Kestrel's own 413 has no body).
            await TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large",
                detail: $"The request body is {context.Request.ContentLength} bytes; this endpoint accepts at most {limit} bytes. Nothing was stored.")
                .ExecuteAsync(context);
            return;
        }

        // A body without a declared length is cut off while it streams: Kestrel does it through this feature; the
        // in-memory test server has none, so the stream is wrapped to behave the same way.
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }
        else if (feature is null && context.Request.ContentLength is null && !HttpMethods.IsGet(context.Request.Method))
        {
            context.Request.Body = new LimitedStream(context.Request.Body, limit);
        }

        await next(context);
    }

    /// <summary>Throws what Kestrel throws past the limit, so readers handle both servers alike.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            _read += n;
            if (_read > limit)
            {
                throw new BadHttpRequestException($"Request body too large; the limit is {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
