using ReceiptGuard.Testing.Images;

namespace ReceiptGuard.Testing;

/// <summary>How two pictures differ: the share of pixels whose colour differs by more than the tolerance.</summary>
/// <param name="ComparedPixels">Pixels of the two pictures laid over each other at their top-left corners (the union of both).</param>
/// <param name="DifferentPixels">Differing pixels in the overlap, plus every pixel that only one picture has.</param>
public sealed record PixelDiffResult(int WidthA, int HeightA, int WidthB, int HeightB, long ComparedPixels, long DifferentPixels, int Tolerance)
{
    public double Fraction => ComparedPixels == 0 ? 0 : (double)DifferentPixels / ComparedPixels;

    public double Percent => Fraction * 100;

    public bool SameSize => WidthA == WidthB && HeightA == HeightB;

    public override string ToString() =>
        $"{Percent:0.###}% of pixels differ ({DifferentPixels:N0} of {ComparedPixels:N0}, tolerance {Tolerance}/255 a channel; {WidthA}×{HeightA} vs {WidthB}×{HeightB})";
}

/// <summary>
/// Compares two screenshots (PNG bytes, as Playwright takes them). A pixel differs when any channel, alpha included,
/// differs by more than the tolerance: the default 32 of 255 ignores anti-aliasing and sub-pixel text differences
/// while a changed colour, a missing image or moved text still counts.
/// </summary>
public static class PixelDiff
{
    public const int DefaultTolerance = 32;

    public static PixelDiffResult Compare(byte[] pngA, byte[] pngB, int tolerance = DefaultTolerance) =>
        Compare(PngDecoder.Decode(pngA), PngDecoder.Decode(pngB), tolerance);

    public static PixelDiffResult Compare(RgbaImage a, RgbaImage b, int tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var width = Math.Min(a.Width, b.Width);
        var height = Math.Min(a.Height, b.Height);
        long overlap = (long)width * height;
        long union = ((long)a.Width * a.Height) + ((long)b.Width * b.Height) - overlap;
        long different = union - overlap;
        for (var y = 0; y < height; y++)
        {
            var rowA = a.Pixels.AsSpan(y * a.Width * 4, width * 4);
            var rowB = b.Pixels.AsSpan(y * b.Width * 4, width * 4);
            for (var i = 0; i < rowA.Length; i += 4)
            {
                if (Math.Abs(rowA[i] - rowB[i]) > tolerance || Math.Abs(rowA[i + 1] - rowB[i + 1]) > tolerance ||
                    Math.Abs(rowA[i + 2] - rowB[i + 2]) > tolerance || Math.Abs(rowA[i + 3] - rowB[i + 3]) > tolerance)
                {
                    different++;
                }
            }
        }

        return new PixelDiffResult(a.Width, a.Height, b.Width, b.Height, union, different, tolerance);
    }
}
