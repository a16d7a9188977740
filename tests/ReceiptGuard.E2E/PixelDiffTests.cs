using ReceiptGuard.Testing;
using ReceiptGuard.Testing.Images;

namespace ReceiptGuard.E2E;

/// <summary>The screenshot comparison the capture benchmark and fidelity tests rely on, and its PNG codec (no browser needed).</summary>
public sealed class PixelDiffTests
{
    [Fact]
    public void Identical_pictures_do_not_differ()
    {
        var png = PngEncoder.Encode(TestImages.Pattern(40, 30));

        var result = PixelDiff.Compare(png, png);

        Assert.Equal(0, result.DifferentPixels);
        Assert.Equal(40 * 30, result.ComparedPixels);
        Assert.True(result.SameSize);
    }

    [Fact]
    public void Only_changes_beyond_the_tolerance_on_some_channel_count()
    {
        var a = TestImages.Solid(10, 10, 100, 100, 100);
        var b = TestImages.Solid(10, 10, 100, 100, 100);
        b.SetPixel(0, 0, 100 + PixelDiff.DefaultTolerance, 100, 100); // anti-aliasing-sized: ignored
        b.SetPixel(1, 0, 100, 100 - PixelDiff.DefaultTolerance - 1, 100); // green beyond the tolerance
        b.SetPixel(2, 0, 100, 100, 100, 200); // alpha counts too

        var result = PixelDiff.Compare(PngEncoder.Encode(a), PngEncoder.Encode(b));

        Assert.Equal(2, result.DifferentPixels);
        Assert.Equal(0.02, result.Fraction, 6);
        Assert.Equal(0, PixelDiff.Compare(a, b, tolerance: 255).DifferentPixels);
    }

    [Fact]
    public void Pictures_of_different_sizes_compare_their_overlap_and_count_the_rest_as_different()
    {
        var wide = TestImages.Solid(20, 10, 255, 255, 255);
        var tall = TestImages.Solid(10, 20, 255, 255, 255);
        tall.SetPixel(5, 5, 0, 0, 0);

        var result = PixelDiff.Compare(wide, tall);

        // Overlap 10×10 with one differing pixel; each picture has 100 pixels the other lacks.
        Assert.Equal(300, result.ComparedPixels);
        Assert.Equal(201, result.DifferentPixels);
        Assert.False(result.SameSize);
        Assert.Equal((20, 10, 10, 20), (result.WidthA, result.HeightA, result.WidthB, result.HeightB));
    }

    [Theory]
    [InlineData(PngFilter.None, false)]
    [InlineData(PngFilter.Sub, false)]
    [InlineData(PngFilter.Up, true)]
    [InlineData(PngFilter.Average, false)]
    [InlineData(PngFilter.Paeth, true)]
    [InlineData(null, false)]
    [InlineData(null, true)]
    public void The_codec_round_trips_every_row_filter(PngFilter? filter, bool opaque)
    {
        var image = TestImages.Pattern(37, 23, withAlpha: !opaque);

        var decoded = PngDecoder.Decode(PngEncoder.Encode(image, filter, opaque));

        Assert.Equal((image.Width, image.Height), (decoded.Width, decoded.Height));
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Fact]
    public void A_file_that_is_not_a_png_is_refused() =>
        Assert.Throws<InvalidDataException>(() => PngDecoder.Decode("GIF89a..."u8.ToArray()));
}

/// <summary>Deterministic pictures for the codec and comparison tests.</summary>
internal static class TestImages
{
    public static RgbaImage Solid(int width, int height, byte r, byte g, byte b)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image.SetPixel(x, y, r, g, b);
            }
        }

        return image;
    }

    /// <summary>Gradients with a little deterministic noise, so every filter has real work and wraps bytes around.</summary>
    public static RgbaImage Pattern(int width, int height, bool withAlpha = false)
    {
        var image = new RgbaImage(width, height);
        var noise = 12345u;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                noise = (noise * 1103515245) + 12345;
                var n = (byte)(noise >> 24);
                image.SetPixel(x, y, (byte)((x * 255 / width) ^ (n & 0x0F)), (byte)(y * 255 / height), (byte)(((x + y) * 7) + n), withAlpha ? (byte)(255 - ((x * y) % 256)) : (byte)255);
            }
        }

        return image;
    }
}
