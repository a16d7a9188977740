namespace ReceiptGuard.Host.Storage;

/// <summary>
/// A lock file the running host holds in its data folder for as long as it runs, so <c>restore</c> can tell that a
/// host is using the folder and refuse to replace it under it. .NET takes an advisory lock (flock) for
/// <see cref="FileShare.None"/>, released by the kernel if the process dies, so a crash leaves no stale lock.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "host.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <returns>null when another process holds the lock.</returns>
    public static DataFolderLock? TryAcquire(string dataRoot)
    {
        try
        {
            return new DataFolderLock(new FileStream(Path.Combine(dataRoot, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(Path.Combine(dataRoot, FileName)))
        {
            return null;
        }
    }

    /// <summary>True when a running host holds this folder's lock.</summary>
    public static bool IsHeld(string dataRoot)
    {
        if (!File.Exists(Path.Combine(dataRoot, FileName)))
        {
            return false;
        }

        using var probe = TryAcquire(dataRoot);
        return probe is null;
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>Holds <see cref="DataFolderLock"/> from start-up until the host is disposed (registered first, so released last).</summary>
public sealed class DataFolderLockService(DataDirectory data, ILogger<DataFolderLockService> logger) : IHostedService, IDisposable
{
    private DataFolderLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = DataFolderLock.TryAcquire(data.Root);
        if (_lock is null)
        {
            // Not fatal: SQLite keeps two writers consistent. Only restore needs to know, and it will refuse.
            logger.LogWarning("Another process holds {Lock} in {Folder}: is a second host running on this data folder?", DataFolderLock.FileName, data.Root);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _lock?.Dispose();
}
