using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ReceiptGuard.Host.Storage;

/// <summary>What kind of storage failure an exception is, if any: the disk is full, or the data folder can't be written.</summary>
public enum StorageFailureKind
{
    None,
    Full,
    NotWritable,
}

/// <summary>
/// Turns a full disk or an unwritable data folder into a problem answer that says so (507 / 503 naming the folder)
/// instead of a bare 500. Nothing half-written is left behind either way: artifacts go to a temporary name and are
/// renamed only when complete, and the row that refers to them commits in one transaction after them.
/// </summary>
public sealed class StorageFailureHandler(DataDirectory data, IProblemDetailsService problems, ILogger<StorageFailureHandler> logger) : IExceptionHandler
{
    // errno values on Linux and macOS; .NET on Unix puts the raw errno in IOException.HResult.
    private const int Enospc = 28;
    private const int Edquot = 122;
    private const int EdquotMac = 69;
    private const int Erofs = 30;
    private const int Eacces = 13;
    private const int Eperm = 1;

    public static StorageFailureKind Classify(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 13 }: // SQLITE_FULL
                    return StorageFailureKind.Full;
                case SqliteException { SqliteErrorCode: 8 or 14 }: // SQLITE_READONLY, SQLITE_CANTOPEN
                    return StorageFailureKind.NotWritable;
                case UnauthorizedAccessException:
                    return StorageFailureKind.NotWritable;
                case IOException io when io.HResult is Enospc or Edquot or EdquotMac || (io.HResult & 0xffff) == 0x70 /* ERROR_DISK_FULL */:
                    return StorageFailureKind.Full;
                case IOException io when io.HResult is Erofs or Eacces or Eperm:
                    return StorageFailureKind.NotWritable;
            }
        }

        return StorageFailureKind.None;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var kind = Classify(exception);
        if (kind == StorageFailureKind.None)
        {
            return false;
        }

        logger.LogError(exception, "Storage failure ({Kind}) in {Folder} for {Method} {Path}", kind, data.Root, httpContext.Request.Method, httpContext.Request.Path);
        var (status, title, detail) = kind == StorageFailureKind.Full
            ? (StatusCodes.Status507InsufficientStorage, "The disk is full",
                $"There is no space left for the data folder {data.Root}. Nothing was stored by this request; everything stored before is intact. Free some space and send it again.")
            : (StatusCodes.Status503ServiceUnavailable, "The data folder cannot be written",
                $"The data folder {data.Root} is read-only or not writable ({exception.Message}). Nothing was stored by this request; everything stored before is intact and can still be read.");
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
