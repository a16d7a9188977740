using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ReceiptGuard.Host.Evidence.Signing;

namespace ReceiptGuard.Host.Tests.Export;

/// <summary>
/// Changes files and then makes the archive's own list and signature consistent again, signed with
/// <c>key</c>: what someone holding a key (ours or their own) could do, so the checks below that layer are tested.
/// </summary>
public static class Reseal
{
    public static byte[] Zip(byte[] zip, SigningKey key, Action<Dictionary<string, byte[]>> change) => ZipEdit.Change(zip, files =>
    {
        change(files);
        files["public-key.pem"] = Encoding.ASCII.GetBytes(key.PublicKeyPem);
        var document = JsonNode.Parse(files["bundle.json"])!.AsObject();
        document["signingKey"]!["fingerprint"] = key.Fingerprint;
        document["files"] = new JsonArray(files
            .Where(file => file.Key is not ("bundle.json" or "bundle.sig"))
            .Select(file => (JsonNode)new JsonObject { ["path"] = file.Key, ["sha256"] = Hex(file.Value), ["size"] = file.Value.Length })
            .ToArray());
        files["bundle.json"] = Encoding.UTF8.GetBytes(document.ToJsonString());
        files["bundle.sig"] = key.Sign(files["bundle.json"]);
    });

    public static byte[] Wacz(byte[] wacz, SigningKey key, Action<Dictionary<string, byte[]>> change) => ZipEdit.Change(wacz, files =>
    {
        change(files);
        files["receiptguard/public-key.pem"] = Encoding.ASCII.GetBytes(key.PublicKeyPem);
        var package = JsonNode.Parse(files["datapackage.json"])!.AsObject();
        package["resources"] = new JsonArray(files
            .Where(file => file.Key is not ("datapackage.json" or "datapackage-digest.json"))
            .Select(file => (JsonNode)new JsonObject { ["name"] = file.Key, ["path"] = file.Key, ["hash"] = "sha256:" + Hex(file.Value), ["bytes"] = file.Value.Length })
            .ToArray());
        files["datapackage.json"] = Encoding.UTF8.GetBytes(package.ToJsonString());
        var hash = "sha256:" + Hex(files["datapackage.json"]);
        var digest = JsonNode.Parse(files["datapackage-digest.json"])!.AsObject();
        digest["hash"] = hash;
        digest["signedData"]!["hash"] = hash;
        digest["signedData"]!["signature"] = Convert.ToBase64String(key.Sign(Encoding.UTF8.GetBytes(hash)));
        digest["signedData"]!["publicKey"] = Convert.ToBase64String(key.PublicKeyDer);
        files["datapackage-digest.json"] = Encoding.UTF8.GetBytes(digest.ToJsonString());
    });

    private static string Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
