using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReceiptGuard.Testing;

/// <summary>How <see cref="LoopbackTsa"/> answers.</summary>
public enum TsaBehavior
{
    /// <summary>A granted reply with a token for the requested hash.</summary>
    Grant,

    /// <summary>PKIStatus 2 (rejection) and no token.</summary>
    Reject,

    /// <summary>Random bytes, labelled as a timestamp reply.</summary>
    Garbage,

    /// <summary>A well-formed, correctly signed token, but for another hash.</summary>
    WrongHash,
}

/// <summary>
/// A minimal RFC 3161 time-stamping authority on a free 127.0.0.1 port, signing with a throwaway self-signed ECDSA
/// certificate that carries the critical id-kp-timeStamping EKU (which .NET's token checks insist on).
/// </summary>
public sealed class LoopbackTsa : IAsyncDisposable
{
    public const string PolicyOid = "2.999.3161.1";

    private const string TstInfoContentType = "1.2.840.113549.1.9.16.1.4";
    private const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    private const string TimeStampingEku = "1.3.6.1.5.5.7.3.8";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private int _requests;

    private LoopbackTsa(WebApplication app, X509Certificate2 certificate, Uri url)
    {
        _app = app;
        _certificate = certificate;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The signer certificate's subject, as a verified token names it.</summary>
    public string Subject => _certificate.Subject;

    public TsaBehavior Behavior { get; set; } = TsaBehavior.Grant;

    /// <summary>Timestamp requests received, whatever the answer.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<LoopbackTsa> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LoopbackTsa? tsa = null;
        app.Run(context => tsa!.AnswerAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        tsa = new LoopbackTsa(app, certificate, new Uri(address + "/tsa"));
        return tsa;
    }

    /// <summary>Stops listening; <see cref="Url"/> then points at a closed port.</summary>
    public Task GoDownAsync() => _app.StopAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (!HttpMethods.IsPost(context.Request.Method)
            || !Rfc3161TimestampRequest.TryDecode(body.ToArray(), out var request, out _))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var reply = Behavior switch
        {
            TsaBehavior.Grant => Reply(0, Sign(request, request.GetMessageHash())),
            TsaBehavior.WrongHash => Reply(0, Sign(request, SHA256.HashData(request.GetMessageHash().Span))),
            TsaBehavior.Reject => Reply(2, token: null),
            _ => RandomNumberGenerator.GetBytes(200),
        };
        context.Response.ContentType = "application/timestamp-reply";
        await context.Response.Body.WriteAsync(reply);
    }

    /// <summary>The TimeStampToken: a SignedData over the TSTInfo (RFC 3161 section 2.4.2).</summary>
    private byte[] Sign(Rfc3161TimestampRequest request, ReadOnlyMemory<byte> messageHash)
    {
        var serial = new BigInteger(Requests).ToByteArray(isUnsigned: false, isBigEndian: true);
        var info = new Rfc3161TimestampTokenInfo(
            new Oid(PolicyOid), new Oid(Sha256Oid), messageHash, serial, DateTimeOffset.UtcNow, nonce: request.GetNonce());
        var signed = new SignedCms(new ContentInfo(new Oid(TstInfoContentType), info.Encode()), detached: false);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, _certificate)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = request.RequestSignerCertificate ? X509IncludeOption.EndCertOnly : X509IncludeOption.None,
        };
        // RFC 3161 requires the ESS signing-certificate attribute; .NET refuses tokens without it.
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2()));
        signed.ComputeSignature(signer);
        return signed.Encode();
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with one ESSCertIDv2 (SHA-256 by default).</summary>
    private byte[] SigningCertificateV2()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(_certificate.RawData));
        }

        return writer.Encode();
    }

    /// <summary>TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken TimeStampToken OPTIONAL }.</summary>
    private static byte[] Reply(int status, byte[]? token)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(status);
            }

            if (token is not null)
            {
                writer.WriteEncodedValue(token);
            }
        }

        return writer.Encode();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ReceiptGuard Loopback TSA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(TimeStampingEku)], critical: true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
    }
}
