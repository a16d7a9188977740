using System.Formats.Asn1;

namespace ReceiptGuard.Host.Evidence.Timestamping;

/// <summary>Reads just the PKIStatus of a TimeStampResp (RFC 3161 section 2.4.2), to explain a refusal.</summary>
internal static class TimestampReplyStatus
{
    /// <returns>The status, or null when the reply is not a TimeStampResp.</returns>
    public static int? Read(byte[] reply)
    {
        try
        {
            var response = new AsnReader(reply, AsnEncodingRules.DER).ReadSequence();
            var statusInfo = response.ReadSequence();
            return statusInfo.TryReadInt32(out var status) ? status : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
