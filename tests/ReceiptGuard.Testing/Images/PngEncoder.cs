using System.Buffers.Binary;
using System.IO.Compression;

namespace ReceiptGuard.Testing.Images;

/// <summary>Writes 8-bit RGB or RGBA PNGs: the benchmark page's generated thumbnails, and test images for the decoder.</summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <param name="filter">The filter of every row; null picks per row the one with the smallest sum of residuals (as libpng does).</param>
    /// <param name="opaque">Drop the alpha channel (colour type 2): smaller files for photos.</param>
    public static byte[] Encode(RgbaImage image, PngFilter? filter = null, bool opaque = false)
    {
        ArgumentNullException.ThrowIfNull(image);
        var channels = opaque ? 3 : 4;
        var stride = image.Width * channels;
        var samples = new byte[stride * image.Height];
        for (var p = 0; p < image.Width * image.Height; p++)
        {
            Buffer.BlockCopy(image.Pixels, p * 4, samples, p * channels, channels);
        }

        using var idat = new MemoryStream();
        using (var deflater = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true))
        {
            var filtered = new byte[stride];
            for (var y = 0; y < image.Height; y++)
            {
                var rowFilter = filter ?? BestFilter(samples, y, stride, channels, filtered);
                FilterRow(samples, y, stride, channels, rowFilter, filtered);
                deflater.WriteByte((byte)rowFilter);
                deflater.Write(filtered);
            }
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)image.Width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)image.Height);
        header[8] = 8;
        header[9] = (byte)(opaque ? 2 : 6);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", idat.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static PngFilter BestFilter(byte[] samples, int y, int stride, int channels, byte[] scratch)
    {
        var best = PngFilter.None;
        var bestCost = long.MaxValue;
        foreach (var candidate in Enum.GetValues<PngFilter>())
        {
            FilterRow(samples, y, stride, channels, candidate, scratch);
            long cost = 0;
            foreach (var b in scratch)
            {
                cost += (sbyte)b is var s && s < 0 ? -s : s;
            }

            if (cost < bestCost)
            {
                (best, bestCost) = (candidate, cost);
            }
        }

        return best;
    }

    private static void FilterRow(byte[] samples, int y, int stride, int channels, PngFilter filter, byte[] output)
    {
        var row = y * stride;
        for (var i = 0; i < stride; i++)
        {
            var a = i >= channels ? samples[row + i - channels] : 0;
            var b = y > 0 ? samples[row - stride + i] : 0;
            var c = y > 0 && i >= channels ? samples[row - stride + i - channels] : 0;
            output[i] = (byte)(samples[row + i] - PngPredictor.Predict(filter, a, b, c));
        }
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        png.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(typeBytes, data));
        png.Write(word);
    }
}
