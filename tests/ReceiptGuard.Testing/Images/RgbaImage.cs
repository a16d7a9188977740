namespace ReceiptGuard.Testing.Images;

/// <summary>An 8-bit RGBA bitmap, rows top to bottom, four bytes a pixel.</summary>
public sealed class RgbaImage
{
    public RgbaImage(int width, int height, byte[]? pixels = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        pixels ??= new byte[checked(width * height * 4)];
        if (pixels.Length != width * height * 4)
        {
            throw new ArgumentException($"{width}×{height} RGBA needs {width * height * 4} bytes, got {pixels.Length}", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public void SetPixel(int x, int y, byte r, byte g, byte b, byte a = 255)
    {
        var i = ((y * Width) + x) * 4;
        Pixels[i] = r;
        Pixels[i + 1] = g;
        Pixels[i + 2] = b;
        Pixels[i + 3] = a;
    }

    public (byte R, byte G, byte B, byte A) GetPixel(int x, int y)
    {
        var i = ((y * Width) + x) * 4;
        return (Pixels[i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]);
    }
}
