using System.Buffers.Binary;
using System.IO.Compression;

namespace ReceiptGuard.Testing.Images;

/// <summary>
/// Decodes the PNGs that browsers and our own encoder write: 8-bit grey, grey+alpha, RGB, RGBA or palette, not
/// interlaced, any of the five row filters. Enough for Playwright screenshots without an imaging package.
/// </summary>
public static class PngDecoder
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static RgbaImage Decode(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < Signature.Length || !png.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG (bad signature)");
        }

        int width = 0, height = 0, colourType = -1;
        byte[]? palette = null;
        byte[]? paletteAlpha = null;
        using var compressed = new MemoryStream();
        var offset = Signature.Length;
        while (offset + 12 <= png.Length)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset)));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            offset += 12 + length;
            switch (type)
            {
                case "IHDR":
                    width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data));
                    height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                    var bitDepth = data[8];
                    colourType = data[9];
                    if (bitDepth != 8 || data[12] != 0 || colourType is not (0 or 2 or 3 or 4 or 6))
                    {
                        throw new NotSupportedException($"PNG with bit depth {bitDepth}, colour type {colourType}, interlace {data[12]}: only 8-bit, non-interlaced images are supported");
                    }

                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    paletteAlpha = data.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    return ToRgba(Unfilter(compressed, width, height, Channels(colourType)), width, height, colourType, palette, paletteAlpha);
                default:
                    break; // Ancillary chunks (gamma, colour profile, text) do not change the pixels we compare.
            }
        }

        throw new InvalidDataException("PNG ends without an IEND chunk");
    }

    private static int Channels(int colourType) => colourType switch
    {
        0 or 3 => 1,
        4 => 2,
        2 => 3,
        6 => 4,
        _ => throw new InvalidDataException("PNG has no IHDR chunk before its image data"),
    };

    /// <summary>Inflates the image data and reverses each row's filter; returns the raw samples, rows packed.</summary>
    private static byte[] Unfilter(MemoryStream compressed, int width, int height, int channels)
    {
        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        var stride = width * channels;
        var raw = new byte[checked(stride * height)];
        var filterByte = new byte[1];
        for (var y = 0; y < height; y++)
        {
            inflater.ReadExactly(filterByte);
            var row = raw.AsSpan(y * stride, stride);
            inflater.ReadExactly(row);
            var filter = (PngFilter)filterByte[0];
            for (var i = 0; i < stride; i++)
            {
                var a = i >= channels ? row[i - channels] : 0;
                var b = y > 0 ? raw[((y - 1) * stride) + i] : 0;
                var c = y > 0 && i >= channels ? raw[((y - 1) * stride) + i - channels] : 0;
                row[i] = (byte)(row[i] + PngPredictor.Predict(filter, a, b, c));
            }
        }

        return raw;
    }

    private static RgbaImage ToRgba(byte[] raw, int width, int height, int colourType, byte[]? palette, byte[]? paletteAlpha)
    {
        var image = new RgbaImage(width, height);
        var rgba = image.Pixels;
        var pixels = width * height;
        for (var p = 0; p < pixels; p++)
        {
            var o = p * 4;
            switch (colourType)
            {
                case 0:
                    rgba[o] = rgba[o + 1] = rgba[o + 2] = raw[p];
                    rgba[o + 3] = 255;
                    break;
                case 4:
                    rgba[o] = rgba[o + 1] = rgba[o + 2] = raw[p * 2];
                    rgba[o + 3] = raw[(p * 2) + 1];
                    break;
                case 2:
                    rgba[o] = raw[p * 3];
                    rgba[o + 1] = raw[(p * 3) + 1];
                    rgba[o + 2] = raw[(p * 3) + 2];
                    rgba[o + 3] = 255;
                    break;
                case 6:
                    Buffer.BlockCopy(raw, o, rgba, o, 4);
                    break;
                default:
                    var index = raw[p];
                    if (palette is null || (index * 3) + 2 >= palette.Length)
                    {
                        throw new InvalidDataException($"palette PNG refers to entry {index} that its PLTE chunk lacks");
                    }

                    rgba[o] = palette[index * 3];
                    rgba[o + 1] = palette[(index * 3) + 1];
                    rgba[o + 2] = palette[(index * 3) + 2];
                    rgba[o + 3] = paletteAlpha is not null && index < paletteAlpha.Length ? paletteAlpha[index] : (byte)255;
                    break;
            }
        }

        return image;
    }
}
