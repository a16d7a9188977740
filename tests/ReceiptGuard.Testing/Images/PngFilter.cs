namespace ReceiptGuard.Testing.Images;

/// <summary>The five PNG row filters (filter method 0), and the byte-level predictor they share.</summary>
public enum PngFilter : byte
{
    None = 0,
    Sub = 1,
    Up = 2,
    Average = 3,
    Paeth = 4,
}

internal static class PngPredictor
{
    /// <summary>The predicted value of a byte from its left (a), upper (b) and upper-left (c) neighbours.</summary>
    public static int Predict(PngFilter filter, int a, int b, int c) => filter switch
    {
        PngFilter.None => 0,
        PngFilter.Sub => a,
        PngFilter.Up => b,
        PngFilter.Average => (a + b) >> 1,
        PngFilter.Paeth => Paeth(a, b, c),
        _ => throw new InvalidDataException($"unknown PNG filter type {(byte)filter}"),
    };

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
