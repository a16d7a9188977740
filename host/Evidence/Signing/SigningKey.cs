using System.Security.Cryptography;
using System.Text;

namespace ReceiptGuard.Host.Evidence.Signing;

/// <summary>
/// This host's ECDSA P-256 key pair, made on first run and kept in <c>keys/signing-key.pem</c> (PKCS#8, readable by the
/// user only). Signatures are ECDSA with SHA-256 in DER form, so anyone can check them with OpenSSL:
/// <c>openssl dgst -sha256 -verify public-key.pem -signature manifest.sig manifest.json</c>.
/// </summary>
public sealed class SigningKey : IDisposable
{
    public const string Algorithm = "ECDSA P-256 SHA-256";
    public const string FileName = "signing-key.pem";

    private readonly ECDsa _key;

    private SigningKey(ECDsa key)
    {
        _key = key;
        PublicKeyDer = key.ExportSubjectPublicKeyInfo();
        PublicKeyPem = PemEncoding.WriteString("PUBLIC KEY", PublicKeyDer) + "\n";
        Fingerprint = FingerprintOf(PublicKeyDer);
    }

    /// <summary>The SubjectPublicKeyInfo (what <c>openssl pkey -pubout -outform DER</c> prints).</summary>
    public byte[] PublicKeyDer { get; }

    public string PublicKeyPem { get; }

    /// <summary>"SHA256:" and the lower-case hex SHA-256 of <see cref="PublicKeyDer"/>, for people to compare.</summary>
    public string Fingerprint { get; }

    /// <summary>Loads the key from <paramref name="keysDirectory"/>, making and saving a new one when there is none.</summary>
    public static SigningKey LoadOrCreate(string keysDirectory)
    {
        var path = Path.Combine(keysDirectory, FileName);
        if (File.Exists(path))
        {
            var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(File.ReadAllText(path));
            }
            catch (Exception exception) when (exception is ArgumentException or CryptographicException)
            {
                key.Dispose();
                throw new InvalidDataException($"the signing key {path} is unreadable ({exception.Message}); restore it from a backup", exception);
            }

            return new SigningKey(key);
        }

        Directory.CreateDirectory(keysDirectory);
        var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = PemEncoding.WriteString("PRIVATE KEY", created.ExportPkcs8PrivateKey()) + "\n";
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        // Created private to the user from the start, then renamed into place: never a readable half-written key.
        using (var stream = OperatingSystem.IsWindows()
            ? new FileStream(temp, FileMode.CreateNew, FileAccess.Write)
            : new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
        {
            stream.Write(Encoding.ASCII.GetBytes(pem));
            stream.Flush(flushToDisk: true);
        }

        try
        {
            // Another process may have made one meanwhile: keep whichever landed first.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            created.Dispose();
            return LoadOrCreate(keysDirectory);
        }

        return new SigningKey(created);
    }

    /// <summary>ECDSA P-256 over SHA-256 of <paramref name="data"/>, DER-encoded (RFC 3279).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => VerifyWith(PublicKeyDer, data, signature);

    /// <summary>Checks a DER signature against a SubjectPublicKeyInfo, for bundles signed by any host.</summary>
    public static bool VerifyWith(ReadOnlySpan<byte> publicKeyDer, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(publicKeyDer, out _);
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static string FingerprintOf(ReadOnlySpan<byte> publicKeyDer) => "SHA256:" + Convert.ToHexStringLower(SHA256.HashData(publicKeyDer));

    public void Dispose() => _key.Dispose();
}
