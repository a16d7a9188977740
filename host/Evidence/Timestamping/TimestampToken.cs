namespace ReceiptGuard.Host.Evidence.Timestamping;

/// <summary>A trusted timestamp as a TSA issued it.</summary>
/// <param name="Der">The token: a CMS SignedData over the TSTInfo, DER-encoded, as <c>openssl ts -verify -token_in</c> reads it.</param>
/// <param name="GenTime">When the TSA says it saw the hash.</param>
/// <param name="TsaName">The subject of the certificate that signed the token.</param>
public sealed record TimestampToken(byte[] Der, DateTimeOffset GenTime, string TsaName);
