using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace DeepPlate.Inference.Tests.Imaging;

/// <summary>
/// Small pictures in every accepted format, built byte by byte where Skia has no encoder (BMP, GIF, 16-bit and grey
/// PNG, EXIF), so the decoder is tested on files whose every byte is known.
/// </summary>
internal static class TestImages
{
    /// <summary>An RGB picture from a function of (x, y).</summary>
    public static SKBitmap Bitmap(int width, int height, Func<int, int, (byte R, byte G, byte B)> colour)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = colour(x, y);
                bitmap.SetPixel(x, y, new SKColor(r, g, b));
            }
        }
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 100)
    {
        if (format == SKEncodedImageFormat.Webp)
        {
            using var pixmap = bitmap.PeekPixels();
            using var webp = pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, quality));
            return webp!.ToArray();
        }
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>Grey levels (one per pixel) as a PNG of 8 or 16 bits per sample; 16-bit samples are level * 257.</summary>
    public static byte[] GreyPng(int width, int height, Func<int, int, byte> level, int bits)
    {
        var bytesPerSample = bits / 8;
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                var v = level(x, y);
                raw.WriteByte(v);
                if (bytesPerSample == 2) raw.WriteByte(v);
            }
        }
        return Png(width, height, bits, colourType: 0, raw.ToArray());
    }

    /// <summary>RGB at 16 bits per sample (each 8-bit level repeated in both bytes).</summary>
    public static byte[] Rgb16Png(int width, int height, Func<int, int, (byte R, byte G, byte B)> colour)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = colour(x, y);
                foreach (var v in new[] { r, g, b })
                {
                    raw.WriteByte(v);
                    raw.WriteByte(v);
                }
            }
        }
        return Png(width, height, 16, colourType: 2, raw.ToArray());
    }

    /// <summary>A PNG whose header claims a size, with no real pixel data (enough for the header check).</summary>
    public static byte[] PngHeaderOnly(int width, int height) => Png(width, height, 8, 0, [0, 0, 0, 0]);

    private static byte[] Png(int width, int height, int bits, int colourType, byte[] rawRows)
    {
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)bits;
        header[9] = (byte)colourType;
        Chunk(png, "IHDR", header);
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(rawRows);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A 24-bit bottom-up BMP.</summary>
    public static byte[] Bmp(int width, int height, Func<int, int, (byte R, byte G, byte B)> colour)
    {
        var stride = (width * 3 + 3) & ~3;
        var size = 54 + stride * height;
        var bmp = new byte[size];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), size);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(34), stride * height);
        for (var y = 0; y < height; y++)
        {
            var row = 54 + (height - 1 - y) * stride;
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = colour(x, y);
                bmp[row + 3 * x] = b;
                bmp[row + 3 * x + 1] = g;
                bmp[row + 3 * x + 2] = r;
            }
        }
        return bmp;
    }

    /// <summary>
    /// A GIF of several frames, each one flat grey level from a 4-entry palette (0, 85, 170, 255). LZW written the
    /// "uncompressed" way: a clear code before every second pixel, so the code width never grows.
    /// </summary>
    public static byte[] Gif(int width, int height, params int[] framePaletteIndex)
    {
        var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        Span<byte> screen = stackalloc byte[7];
        BinaryPrimitives.WriteUInt16LittleEndian(screen, (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(screen[2..], (ushort)height);
        screen[4] = 0b1000_0001; // global colour table of 2^(1+1) = 4 entries
        gif.Write(screen);
        foreach (var v in new byte[] { 0, 85, 170, 255 })
        {
            gif.WriteByte(v);
            gif.WriteByte(v);
            gif.WriteByte(v);
        }
        foreach (var index in framePaletteIndex)
        {
            // Graphic control: 10 ms delay, no disposal.
            gif.Write([0x21, 0xF9, 4, 0, 1, 0, 0, 0]);
            var descriptor = new byte[10];
            descriptor[0] = 0x2C;
            BinaryPrimitives.WriteUInt16LittleEndian(descriptor.AsSpan(5), (ushort)width);
            BinaryPrimitives.WriteUInt16LittleEndian(descriptor.AsSpan(7), (ushort)height);
            gif.Write(descriptor);
            gif.WriteByte(2); // LZW minimum code size
            var codes = new List<int>();
            for (var i = 0; i < width * height; i++)
            {
                if (i % 2 == 0) codes.Add(4); // clear
                codes.Add(index);
            }
            codes.Add(5); // end of information
            var packed = new List<byte>();
            int bitBuffer = 0, bitCount = 0;
            foreach (var code in codes)
            {
                bitBuffer |= code << bitCount;
                bitCount += 3;
                while (bitCount >= 8)
                {
                    packed.Add((byte)bitBuffer);
                    bitBuffer >>= 8;
                    bitCount -= 8;
                }
            }
            if (bitCount > 0) packed.Add((byte)bitBuffer);
            for (var start = 0; start < packed.Count; start += 255)
            {
                var n = Math.Min(255, packed.Count - start);
                gif.WriteByte((byte)n);
                gif.Write(packed.GetRange(start, n).ToArray());
            }
            gif.WriteByte(0);
        }
        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    /// <summary>An ICO file wrapping a PNG: a format Skia reads and this reader refuses.</summary>
    public static byte[] Ico(byte[] png)
    {
        var ico = new byte[6 + 16];
        BinaryPrimitives.WriteUInt16LittleEndian(ico.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(ico.AsSpan(4), 1);
        ico[6] = 8;
        ico[7] = 8;
        BinaryPrimitives.WriteUInt16LittleEndian(ico.AsSpan(10), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(ico.AsSpan(12), 32);
        BinaryPrimitives.WriteInt32LittleEndian(ico.AsSpan(14), png.Length);
        BinaryPrimitives.WriteInt32LittleEndian(ico.AsSpan(18), 22);
        return [.. ico, .. png];
    }

    /// <summary>A JPEG with an EXIF APP1 segment giving <paramref name="orientation"/> (1-8) inserted after SOI.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        var tiff = new byte[26];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 1); // one entry
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(10), 0x0112); // Orientation
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(12), 3); // SHORT
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(14), 1);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(18), (ushort)orientation);
        // next IFD offset 0 (bytes 22-25)
        byte[] payload = [.. "Exif\0\0"u8.ToArray(), .. tiff];
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
