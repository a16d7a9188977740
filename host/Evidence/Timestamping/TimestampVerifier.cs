using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace ReceiptGuard.Host.Evidence.Timestamping;

/// <summary>Checks a stored RFC 3161 token against the hash it should cover.</summary>
public static class TimestampVerifier
{
    public const string OtherData = "the token timestamps other data";

    public const string NotAToken = "not an RFC 3161 timestamp token, or its signature does not verify";

    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>
    /// Valid when the token decodes, its message imprint is SHA-256 of exactly <paramref name="sha256OfData"/>, and its
    /// signature verifies with the certificate it carries. This does NOT establish trust in the TSA: its certificate
    /// chain, revocation and validity are not checked. The user chose the TSA; the token shows that TSA's statement.
    /// </summary>
    public static TimestampCheck Verify(ReadOnlySpan<byte> tokenDer, ReadOnlySpan<byte> sha256OfData)
    {
        if (!Rfc3161TimestampToken.TryDecode(tokenDer.ToArray(), out var token, out var consumed) || consumed != tokenDer.Length)
        {
            // TryDecode also checks the signing-certificate attribute and, with the certificate embedded, the signature.
            return TimestampCheck.Invalid(NotAToken);
        }

        var info = token.TokenInfo;
        if (info.HashAlgorithmId.Value != Sha256Oid || !info.GetMessageHash().Span.SequenceEqual(sha256OfData))
        {
            return TimestampCheck.Invalid(OtherData);
        }

        try
        {
            if (!token.VerifySignatureForHash(sha256OfData, HashAlgorithmName.SHA256, out var signer, extraCandidates: null))
            {
                return TimestampCheck.Invalid("the token's signature does not verify");
            }

            signer?.Dispose();
        }
        catch (CryptographicException exception)
        {
            return TimestampCheck.Invalid($"the token's signature cannot be checked ({exception.Message})");
        }

        return new TimestampCheck(true, info.Timestamp, null);
    }
}
