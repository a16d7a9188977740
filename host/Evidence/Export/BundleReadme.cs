using System.Text;

namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>README.txt: how a person who has never seen ReceiptGuard checks the bundle, in Chinese and then English.</summary>
internal static class BundleReadme
{
    /// <param name="root">Where the evidence sits inside the archive: "" in a zip bundle, "receiptguard/" in a WACZ.</param>
    /// <param name="signatureHowTo">Step 2, how to check the list file's signature, in each language.</param>
    /// <param name="listFile">The file listing every other file's SHA-256 (bundle.json or datapackage.json).</param>
    public static byte[] Text(string fingerprint, string root, string listFile, (string Chinese, string English) signatureHowTo)
    {
        var text = $"""
            ReceiptGuard 证据包
            ====================

            这是 ReceiptGuard 导出的证据包：浏览器扩展在订单页面（例如点击“确认收货”时）保存的页面快照，
            由用户本机的 ReceiptGuard 主机程序保存并签名。每个快照在 {root}snapshots/<快照编号>/ 目录下：
            页面 HTML、截图等原始文件，manifest.json（保存时记录的元数据和每个文件的 SHA-256），
            manifest.sig（主机对 manifest.json 的 ECDSA P-256 / SHA-256 签名，DER 格式），
            以及可选的 parsed.json（程序解析出的订单信息，仅供参考，不是证据）和 timestamp.tsr（RFC 3161 时间戳）。
            {root}custody.jsonl 是保管记录（每行一条），记录这些快照何时保存、解析、导出。

            自动验证：
                ReceiptGuard.Host verify 本文件.zip

            手工验证：
            1. 解压后，用 sha256sum 计算每个文件的哈希，与 {listFile} 中记录的一致。
            2. {signatureHowTo.Chinese}
            3. 对每个快照（在解压后的顶层目录执行，<快照编号> 换成目录名）：
                   openssl dgst -sha256 -verify {root}public-key.pem -signature {root}snapshots/<快照编号>/manifest.sig {root}snapshots/<快照编号>/manifest.json
               并核对目录中每个文件的 sha256sum 与 manifest.json 中的 sha256 一致。
            4. 签名密钥指纹为 {fingerprint}
               （public-key.pem 的 DER 形式的 SHA-256）。请与用户主机界面上显示的指纹比对：
               签名只能证明内容出自持有该密钥的主机。
            5. 保管记录每一行的 hash 是以下各字段用换行符 (\n) 连接后，按 UTF-8 编码计算的 SHA-256（小写十六进制）：
               seq、at、kind、snapshotId（没有时为空字符串）、detail（原样的 JSON 文本）、previousHash。
               第一条记录的 previousHash 是 64 个 0；其余每条的 previousHash 等于上一条（seq 减 1）的 hash。

            ReceiptGuard evidence bundle
            ============================

            This bundle was exported by ReceiptGuard: snapshots of shop order pages that its browser extension captured
            (for example when "confirm receipt" was clicked), stored and signed by the ReceiptGuard host on the user's own
            computer. Each snapshot is in {root}snapshots/<snapshot id>/: the captured files (page HTML, screenshot, ...),
            manifest.json (the metadata recorded when it was stored and every file's SHA-256), manifest.sig (the host's
            ECDSA P-256 / SHA-256 signature of manifest.json, DER), and optionally parsed.json (what the host read from
            the page; derived, not evidence) and timestamp.tsr (an RFC 3161 timestamp token).
            {root}custody.jsonl is the custody log excerpt (one entry a line): when these snapshots were stored, parsed, exported.

            To verify it automatically:
                ReceiptGuard.Host verify THIS-FILE.zip

            To verify it by hand:
            1. Unpack it and check with sha256sum that every file has the SHA-256 written in {listFile}.
            2. {signatureHowTo.English}
            3. For each snapshot (from the unpacked top folder, with <id> the folder's name):
                   openssl dgst -sha256 -verify {root}public-key.pem -signature {root}snapshots/<id>/manifest.sig {root}snapshots/<id>/manifest.json
               and check that each file in its folder has the sha256 manifest.json gives for it.
            4. The signing key's fingerprint is {fingerprint}
               (the SHA-256 of public-key.pem in DER form). Compare it with the one the user's host shows in its UI:
               a signature only proves the content comes from whoever holds that key.
            5. Each custody entry's hash is the SHA-256 (lower-case hex) of the UTF-8 text made of these fields joined
               by newlines (\n): seq, at, kind, snapshotId (empty when none), detail (the JSON text exactly), previousHash.
               The first entry's previousHash is 64 zeros; every other entry's previousHash is the hash of the entry
               before it (seq - 1).

            """;
        return Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));
    }
}
