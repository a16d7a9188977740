using System.Security.Cryptography;
using System.Text;

namespace ReceiptGuard.Host.Pairing;

/// <summary>
/// 32 random bytes made on first run and kept in <c>keys/pairing-secret</c> (readable by the user only, like the signing
/// key). Tokens are stored as HMAC-SHA256 under it, and the review UI's session cookie is derived from it, so a copied
/// database alone lets nobody in.
/// </summary>
public sealed class PairingSecret
{
    public const string FileName = "pairing-secret";

    private readonly byte[] _key;

    private PairingSecret(byte[] key, string path)
    {
        _key = key;
        Path = path;
        UiSessionValue = Base64Url(Hmac("receiptguard-ui-session-v1"));
    }

    public string Path { get; }

    /// <summary>The UI's session cookie value: stable across restarts, so an open review tab keeps working.</summary>
    public string UiSessionValue { get; }

    public byte[] Hmac(string value) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value));

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static PairingSecret LoadOrCreate(string keysDirectory)
    {
        var path = System.IO.Path.Combine(keysDirectory, FileName);
        if (File.Exists(path))
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            }
            catch (FormatException exception)
            {
                throw new InvalidDataException($"the pairing secret {path} is unreadable; delete it to make a new one (every extension must then pair again)", exception);
            }

            if (key.Length < 32)
            {
                throw new InvalidDataException($"the pairing secret {path} is too short; delete it to make a new one (every extension must then pair again)");
            }

            return new PairingSecret(key, path);
        }

        Directory.CreateDirectory(keysDirectory);
        var created = RandomNumberGenerator.GetBytes(32);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        // Private to the user from the moment it exists, then renamed into place: never a readable or half-written secret.
        using (var stream = OperatingSystem.IsWindows()
            ? new FileStream(temp, FileMode.CreateNew, FileAccess.Write)
            : new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(created) + "\n"));
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made one meanwhile: use whichever landed first.
            File.Delete(temp);
            return LoadOrCreate(keysDirectory);
        }

        return new PairingSecret(created, path);
    }
}
