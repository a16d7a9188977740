namespace ReceiptGuard.Host.Evidence.Export;

/// <summary>
/// Checks an export made by <see cref="ZipBundleWriter"/> (it has bundle.json) or <see cref="WaczWriter"/> (it has
/// datapackage.json): the archive's signed file list, then each snapshot's signed manifest, then the custody log.
/// Stops at the first problem and names it; never throws for what is inside the archive.
/// </summary>
public static class BundleVerifier
{
    public static BundleReport Verify(Stream zip)
    {
        var checkedItems = new List<string>();
        var (files, readProblem) = ArchiveFiles.Read(zip);
        if (files is null)
        {
            return new BundleReport(false, readProblem, "", checkedItems);
        }

        var format = files.ContainsKey(BundleDocument.FileName) ? ZipBundleCheck.Check(files, checkedItems)
            : files.ContainsKey(WaczDataPackage.FileName) ? WaczCheck.Check(files, checkedItems)
            : FormatCheck.Failed($"neither {BundleDocument.FileName} nor {WaczDataPackage.FileName} is in the archive: not a ReceiptGuard export");
        if (format.Problem is not null || format.PublicKeyDer is null)
        {
            return new BundleReport(false, format.Problem, format.Fingerprint, checkedItems);
        }

        var problem = EvidenceCheck.Check(files, format.EvidenceRoot, format.PublicKeyDer, checkedItems);
        return new BundleReport(problem is null, problem, format.Fingerprint, checkedItems);
    }
}
