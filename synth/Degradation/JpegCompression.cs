using System.Buffers;

namespace DeepPlate.Synth;

/// <summary>
/// A JPEG round trip at <see cref="Quality"/> (libjpeg scale 1..100): the grey image is rounded to 8 bits, encoded as
/// a single-component (greyscale) baseline JPEG — so there is no chroma and no chroma subsampling to state — and
/// decoded back, exactly as SkiaSharp's libjpeg-turbo does it ("islow" DCTs, the IJG tables scaled for the quality).
/// Blocking, ringing and the 8-bit quantisation are the codec's own, not an imitation, so the network sees the
/// artefacts real exports have. The lossy steps run in C# (<see cref="JpegLossyCore"/>), bit for bit what the codec
/// computes: the entropy coding they skip is lossless, and a test holds them to Skia's real encoder and decoder.
/// </summary>
public readonly record struct JpegCompression(int Quality)
{
    public void Apply(GreyImage image)
    {
        if (Quality is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(Quality), Quality, "JPEG quality runs from 1 to 100");
        var pixels = image.Pixels;
        var bytes = ArrayPool<byte>.Shared.Rent(pixels.Length);
        try
        {
            var codes = bytes.AsSpan(0, pixels.Length);
            GreyImageIO.ToCodes(pixels, codes);
            JpegLossyCore.RoundTrip(codes, image.Width, image.Height, Quality);
            GreyImageIO.FromCodes(codes, pixels);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
