using System.Text.Json.Serialization;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>datapackage.json of a WACZ 1.1.1 (a Frictionless data package): every other file with its SHA-256 and size.</summary>
internal sealed record WaczDataPackage(
    string Profile,
    [property: JsonPropertyName("wacz_version")] string WaczVersion,
    string Title,
    string Created,
    string Software,
    IReadOnlyList<WaczResource> Resources)
{
    public const string FileName = "datapackage.json";
    public const string Version = "1.1.1";
    public const string ProfileName = "data-package";
}

/// <param name="Hash">"sha256:" and lower-case hex.</param>
internal sealed record WaczResource(string Name, string Path, string Hash, long Bytes);

/// <summary>datapackage-digest.json: the hash of datapackage.json and its signature (WACZ Signing, "anonymous signature").</summary>
internal sealed record WaczDigest(string Path, string Hash, WaczSignedData SignedData)
{
    public const string FileName = "datapackage-digest.json";
}

/// <summary>
/// The signature block. Differs from ArchiveWeb.page's only in the key and encoding: <see cref="Signature"/> is the
/// base64 DER ECDSA P-256 / SHA-256 signature of the UTF-8 text of <see cref="Hash"/>, and <see cref="PublicKey"/> the
/// base64 SubjectPublicKeyInfo of this host's key.
/// </summary>
internal sealed record WaczSignedData(string Hash, string Signature, string PublicKey, string Created, string Software);
