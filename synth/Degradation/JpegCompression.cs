using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// A real JPEG round trip at <see cref="Quality"/> (libjpeg scale 1..100) through SkiaSharp's libjpeg-turbo: the
/// grey image is rounded to 8 bits, encoded as a single-component (greyscale) JPEG — so there is no chroma and no
/// chroma subsampling to state — and decoded back. Blocking, ringing and the 8-bit quantisation come from the codec
/// itself rather than from an imitation of it, so the network sees the artefacts real exports have.
/// </summary>
public readonly record struct JpegCompression(int Quality)
{
    public unsafe void Apply(GreyImage image)
    {
        if (Quality is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(Quality), Quality, "JPEG quality runs from 1 to 100");
        var w = image.Width;
        var h = image.Height;
        var pixels = image.Pixels;
        // One pooled 8-bit buffer serves as the encoder's input and the decoder's output (platform-notes §4: an
        // SKPixmap over pinned managed memory encodes fine, and SKCodec decodes straight into it as Gray8), so the
        // only allocations are Skia's: the encoded SKData and the codec.
        var bytes = ArrayPool<byte>.Shared.Rent(w * h);
        try
        {
            GreyImageIO.ToCodes(pixels, bytes.AsSpan(0, pixels.Length));

            var info = new SKImageInfo(w, h, SKColorType.Gray8, SKAlphaType.Opaque);
            fixed (byte* p = bytes)
            {
                using (var pixmap = new SKPixmap(info, (IntPtr)p, w))
                using (var data = pixmap.Encode(new SKJpegEncoderOptions(Quality)) ?? throw new InvalidOperationException($"Skia could not encode a {w}x{h} grey JPEG at quality {Quality}"))
                using (var codec = SKCodec.Create(data) ?? throw new InvalidOperationException("Skia could not read back the JPEG it wrote"))
                {
                    var result = codec.GetPixels(info, (IntPtr)p);
                    if (result != SKCodecResult.Success) throw new InvalidOperationException($"decoding the JPEG failed: {result}");
                }
            }

            GreyImageIO.FromCodes(bytes.AsSpan(0, pixels.Length), pixels);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
