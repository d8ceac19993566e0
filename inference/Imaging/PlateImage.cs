using System.Runtime.InteropServices;
using System.Security.Cryptography;
using SkiaSharp;

namespace DeepPlate.Inference;

/// <summary>
/// A decoded photo or video frame the user marked a plate in: JPEG, PNG (8 or 16 bits, colour, grey or palette),
/// BMP, WebP, or the first frame of a GIF. Pixels are kept as decoded 8-bit RGBA and turned into grey only where the
/// plate is (<see cref="CopyGrey"/>), with the Rec. 601 luma the generator uses on the same 8-bit code values, so a
/// large photo costs no full-size float copy.
/// <para>
/// <b>Orientation.</b> A JPEG (or WebP) whose EXIF orientation says the camera was turned is shown upright by
/// browsers and image viewers, and the user clicks the corners on that upright picture. So <see cref="Width"/>,
/// <see cref="Height"/> and every coordinate here are those of the upright picture: the EXIF orientation is applied.
/// </para>
/// Immutable once decoded, so any number of threads may read it.
/// </summary>
public sealed class PlateImage
{
    /// <summary>The most pixels a picture may have (checked on the header, before any pixel is decoded).</summary>
    public const long MaxPixels = 50_000_000;

    private readonly byte[] rgba;
    private readonly int rawWidth;
    private readonly int rawHeight;
    private readonly SKEncodedOrigin origin;

    private PlateImage(byte[] rgba, int rawWidth, int rawHeight, SKEncodedOrigin origin, string format, string sha256)
    {
        this.rgba = rgba;
        this.rawWidth = rawWidth;
        this.rawHeight = rawHeight;
        this.origin = origin;
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        Width = turned ? rawHeight : rawWidth;
        Height = turned ? rawWidth : rawHeight;
        Format = format;
        Sha256 = sha256;
    }

    /// <summary>Width of the upright picture (EXIF orientation applied), in pixels.</summary>
    public int Width { get; }

    /// <summary>Height of the upright picture, in pixels.</summary>
    public int Height { get; }

    /// <summary>The file format: JPEG, PNG, BMP, WebP or GIF.</summary>
    public string Format { get; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex: what the report cites as the input.</summary>
    public string Sha256 { get; }

    /// <summary>The EXIF orientation applied (1-8; 1 = none).</summary>
    public int Orientation => (int)origin;

    /// <exception cref="ImageException">The file cannot be read, or is not a picture this reader accepts.</exception>
    public static PlateImage Load(string path)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageException($"{path}: cannot read the file ({e.Message})", e);
        }
        try
        {
            return Decode(data);
        }
        catch (ImageException e)
        {
            throw new ImageException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Decodes a whole file's bytes.</summary>
    /// <exception cref="ImageException">Empty, truncated or corrupt data, an unsupported format, or more than
    /// <see cref="MaxPixels"/> pixels.</exception>
    public static PlateImage Decode(ReadOnlySpan<byte> file)
    {
        if (file.IsEmpty) throw new ImageException("the file is empty");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
        using var data = SKData.CreateCopy(file);
        using var stream = new SKMemoryStream(data);
        using var codec = SKCodec.Create(stream, out var opened);
        if (codec is null)
        {
            // Skia says why only vaguely (a short text file is "incomplete input"); the signature says what it was meant to be.
            throw new ImageException(Signature(file) is not { } meant
                ? $"not a picture in a supported format ({Supported})"
                : opened == SKCodecResult.IncompleteInput
                    ? $"the {meant} file is truncated: its header is incomplete"
                    : $"the {meant} file is corrupt: its header cannot be read ({opened})");
        }
        var format = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => "JPEG",
            SKEncodedImageFormat.Png => "PNG",
            SKEncodedImageFormat.Bmp => "BMP",
            SKEncodedImageFormat.Webp => "WebP",
            SKEncodedImageFormat.Gif => "GIF",
            var other => throw new ImageException($"{other} pictures are not supported ({Supported})"),
        };
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w <= 0 || h <= 0) throw new ImageException($"the {format} header gives an empty picture ({w} x {h})");
        if ((long)w * h > MaxPixels)
        {
            throw new ImageException($"the picture has {(long)w * h / 1e6:F1} megapixels ({w} x {h}); at most {MaxPixels / 1_000_000} are accepted");
        }

        // Unpremultiplied 8-bit RGBA without colour management: the file's own code values, as the generator's
        // canvas holds them before its luma. Alpha is ignored.
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = GC.AllocateUninitializedArray<byte>(checked(w * h * 4));
        var handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
        SKCodecResult decoded;
        try
        {
            // Frame 0: the first frame of an animated GIF or WebP.
            decoded = codec.GetPixels(info, handle.AddrOfPinnedObject(), info.RowBytes, new SKCodecOptions(0));
        }
        finally
        {
            handle.Free();
        }
        return decoded switch
        {
            SKCodecResult.Success => new PlateImage(rgba, w, h, Upright(codec.EncodedOrigin), format, sha256),
            SKCodecResult.IncompleteInput => throw new ImageException($"the {format} file is truncated: its pixel data ends early"),
            SKCodecResult.ErrorInInput or SKCodecResult.InvalidInput => throw new ImageException($"the {format} file is corrupt ({decoded})"),
            _ => throw new ImageException($"the {format} picture cannot be decoded ({decoded})"),
        };
    }

    /// <summary>
    /// The pixel count a file's header announces, read from at most its first <paramref name="headerBytes"/> bytes
    /// without decoding a pixel (for a server that must budget memory before it decodes); null when that part of the
    /// file does not give it. <see cref="Decode"/> still checks everything.
    /// </summary>
    public static long? PixelsFromHeader(ReadOnlySpan<byte> file, int headerBytes = 1 << 20)
    {
        if (file.IsEmpty) return null;
        using var data = SKData.CreateCopy(file[..Math.Min(file.Length, headerBytes)]);
        using var stream = new SKMemoryStream(data);
        using var codec = SKCodec.Create(stream);
        return codec is null ? null : (long)codec.Info.Width * codec.Info.Height;
    }

    private const string Supported = "JPEG, PNG, BMP, WebP, GIF";

    /// <summary>The accepted format a file's first bytes announce, or null.</summary>
    private static string? Signature(ReadOnlySpan<byte> file) =>
        file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "JPEG"
        : file.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) ? "PNG"
        : file.StartsWith("GIF8"u8) ? "GIF"
        : file.StartsWith("BM"u8) ? "BMP"
        : file.StartsWith("RIFF"u8) && file.Length >= 12 && file[8..12].SequenceEqual("WEBP"u8) ? "WebP"
        : null;

    private static SKEncodedOrigin Upright(SKEncodedOrigin o) => o is >= SKEncodedOrigin.TopLeft and <= SKEncodedOrigin.LeftBottom ? o : SKEncodedOrigin.TopLeft;

    /// <summary>
    /// Writes the grey values in [0, 1] of the upright picture's pixels [x0, x0 + width) x [y0, y0 + height) into
    /// <paramref name="output"/>, row by row: Rec. 601 luma (0.299 R + 0.587 G + 0.114 B) of the 8-bit codes / 255.
    /// </summary>
    public void CopyGrey(int x0, int y0, int width, int height, Span<float> output)
    {
        if (x0 < 0 || y0 < 0 || width <= 0 || height <= 0 || x0 + width > Width || y0 + height > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"region {x0},{y0} {width}x{height} is not inside the {Width}x{Height} picture");
        }
        if (output.Length < width * height) throw new ArgumentException("output is smaller than the region", nameof(output));
        ReadOnlySpan<byte> pixels = rgba;
        for (var y = 0; y < height; y++)
        {
            var row = output.Slice(y * width, width);
            if (origin == SKEncodedOrigin.TopLeft)
            {
                var source = pixels.Slice(((y0 + y) * rawWidth + x0) * 4, width * 4);
                for (var x = 0; x < width; x++) row[x] = Luma(source.Slice(4 * x, 3));
                continue;
            }
            for (var x = 0; x < width; x++)
            {
                var (rx, ry) = Raw(x0 + x, y0 + y);
                row[x] = Luma(pixels.Slice((ry * rawWidth + rx) * 4, 3));
            }
        }
    }

    /// <summary>
    /// The upright picture scaled to <paramref name="width"/> x <paramref name="height"/> pixels, in colour: the
    /// report's thumbnail (the reader itself only ever looks at grey values). Scaled with mipmaps, so a large photo
    /// shrinks without aliasing.
    /// </summary>
    public SKImage Scaled(int width, int height)
    {
        var info = new SKImageInfo(rawWidth, rawHeight, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            // Alpha is ignored everywhere else, so here too: drawn as opaque.
            using var raw = SKImage.FromPixels(pixmap);
            using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
            var canvas = surface.Canvas;
            canvas.Clear(SKColors.White);
            canvas.Scale((float)width / Width, (float)height / Height);
            canvas.Concat(UprightMatrix());
            using var paint = new SKPaint { BlendMode = SKBlendMode.Src };
            canvas.DrawImage(raw, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
            return surface.Snapshot();
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>Maps the stored picture onto the upright one (the inverse of <see cref="Raw"/>).</summary>
    private SKMatrix UprightMatrix()
    {
        float w = rawWidth, h = rawHeight;
        // Columns: upright x = ScaleX * rx + SkewX * ry + TransX; upright y = SkewY * rx + ScaleY * ry + TransY.
        return origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
    }

    /// <summary>The stored (raw) pixel shown at upright (x, y), for the eight EXIF orientations.</summary>
    private (int X, int Y) Raw(int x, int y) => origin switch
    {
        SKEncodedOrigin.TopRight => (rawWidth - 1 - x, y),
        SKEncodedOrigin.BottomRight => (rawWidth - 1 - x, rawHeight - 1 - y),
        SKEncodedOrigin.BottomLeft => (x, rawHeight - 1 - y),
        SKEncodedOrigin.LeftTop => (y, x),
        SKEncodedOrigin.RightTop => (y, rawHeight - 1 - x),
        SKEncodedOrigin.RightBottom => (rawWidth - 1 - y, rawHeight - 1 - x),
        SKEncodedOrigin.LeftBottom => (rawWidth - 1 - y, x),
        _ => (x, y),
    };

    // The generator's expression (synth/Generation/PlateGenerator.cs), on the same 8-bit codes, in the same order.
    private static float Luma(ReadOnlySpan<byte> rgb) => (0.299f * rgb[0] + 0.587f * rgb[1] + 0.114f * rgb[2]) * (1f / 255f);
}

/// <summary>
/// A picture that cannot be read: unreadable, empty, truncated, corrupt, unsupported or too large. Bad input, like
/// an unknown country, so an <see cref="ArgumentException"/>.
/// </summary>
public sealed class ImageException(string message, Exception? inner = null) : ArgumentException(message, inner);
