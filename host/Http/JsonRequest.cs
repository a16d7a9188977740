using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace ReceiptGuard.Host.Http;

/// <summary>
/// The outcome of reading a JSON body: the value, or the answer to give instead — <see cref="Invalid"/> (400 naming
/// the field) or <see cref="Refused"/> (415 not JSON, 413 too large).
/// </summary>
public sealed record JsonBody<T>(T? Value, ValidationProblem? Invalid, ProblemHttpResult? Refused)
    where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsRead => Value is not null;
}

/// <summary>
/// Reads request bodies into the wire classes (every member optional), streaming, so a malformed or oversized body
/// becomes a problem answer that names what is wrong instead of a binder exception or a dropped connection.
/// </summary>
public static class JsonRequest
{
    public static async Task<JsonBody<T>> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, string what, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return new(null, null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: $"Send the {what} as JSON with Content-Type: application/json."));
        }

        // A declared length over the limit is refused before a byte is read; a chunked body hits the server's limit
        // (set per endpoint from IRequestSizeLimitMetadata) while it streams.
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
            ?? request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (limit is { } max && request.ContentLength > max)
        {
            return new(null, null, TooLarge(what, max));
        }

        T? value;
        try
        {
            value = request.ContentLength is { } length and > 0 and <= MaxBufferedBytes
                ? await ReadBufferedAsync<T>(request, (int)length, options, cancellationToken)
                : await request.ReadFromJsonAsync<T>(options, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, null, TooLarge(what, limit));
        }
        catch (JsonException exception) when (IsTooDeep(exception))
        {
            // Before the generic case: a too-deep body is well-formed, so "not a complete JSON object" would mislead.
            var depth = options.MaxDepth > 0 ? options.MaxDepth : 64;
            return new(null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [FieldOf(exception.Path)] = [$"is nested deeper than {depth} levels."] },
                title: $"The {what} is nested too deeply",
                detail: $"JSON nested deeper than {depth} levels is refused (at {exception.Path ?? "$"}): nothing was stored."), null);
        }
        catch (JsonException exception)
        {
            // A value of the wrong type belongs to its field; broken syntax (truncated, not JSON) to the whole body.
            var field = exception.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) ? FieldOf(exception.Path) : "body";
            return new(null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [DescribeJsonError(exception)] },
                title: $"The {what} is not valid JSON",
                detail: field == "body"
                    ? $"The body is not a complete JSON object (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): nothing was stored."
                    : $"'{field}' has the wrong type: nothing was stored."), null);
        }

        if (value is null)
        {
            return new(null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = ["must be a JSON object."] },
                title: $"The {what} is empty"), null);
        }

        return new(value, null, null);
    }

    /// <summary>Bodies up to this size with a declared length are read whole before parsing.</summary>
    private const long MaxBufferedBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The whole body in one array, then one parse: the JSON reader's single-buffer path is much cheaper than its
    /// multi-segment one over a pipe, which re-scans each long string (the page) for escapes across segment edges.
    /// </summary>
    private static async Task<T?> ReadBufferedAsync<T>(HttpRequest request, int length, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return JsonSerializer.Deserialize<T>(buffer.AsSpan(0, read), options);
    }

    private static ProblemHttpResult TooLarge(string what, long? limit) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            detail: limit is { } max
                ? $"The {what} is larger than this host accepts ({max} bytes): nothing was stored."
                : $"The {what} is larger than this host accepts: nothing was stored.");

    /// <summary>"$.capturedAt" → "capturedAt", "$.embeddedData[0].type" → "embeddedData[0].type"; the root → "body".</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return name.Length == 0 ? "body" : name;
    }

    /// <summary>System.Text.Json has no distinct exception type for its depth limit; its message is the only sign.</summary>
    private static bool IsTooDeep(JsonException exception) =>
        exception.Message.Contains("maximum configured depth", StringComparison.Ordinal);

    private static string DescribeJsonError(JsonException exception)
    {
        // System.Text.Json's own message is precise ("…could not be converted to System.String… LineNumber: 0 | BytePositionInLine: 12").
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
