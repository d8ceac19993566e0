using System.Numerics;
using DeepPlate.Formats;

namespace DeepPlate.Synth;

/// <summary>What the pipeline measured and used: the clean plate's variance and the noise sigma (0 without noise).</summary>
public readonly record struct DegradationOutcome(double PlateVariance, double NoiseSigma)
{
    /// <summary>The SNR the noise was added at, in dB (+infinity without noise): 10 log10(PlateVariance / NoiseSigma^2).</summary>
    public double SnrDb => NoiseSigma > 0 ? 10 * Math.Log10(PlateVariance / (NoiseSigma * NoiseSigma)) : double.PositiveInfinity;
}

/// <summary>
/// The camera degradations after rendering, in place on the low-resolution scene, in the order they act on light:
/// optical blur, motion blur, lighting, sensor noise (at the SNR measured on the plate), clamping to [0, 1] (the
/// sensor's and the 8-bit format's range), JPEG. Perspective, plate width and click error act earlier, in the
/// renderer and the scene composition. Everything random draws from a fork of the given stream, so a scene is a pure
/// function of its inputs and (seed, index).
/// </summary>
public static class DegradationPipeline
{
    /// <summary>The sub-stream the noise draws from ("noise" in ASCII), forked from one draw of the stream given to <see cref="Apply"/>.</summary>
    public const ulong NoiseSalt = 0x6E6F697365UL;

    /// <param name="scene">The rendered scene, grey in [0, 1]; degraded in place.</param>
    /// <param name="degradations">The sample's parameters (<see cref="Degradations.SnrDb"/> and
    /// <see cref="Degradations.JpegQuality"/> null: no noise, no JPEG).</param>
    /// <param name="plateCorners">The plate's true four corners in scene pixels (pixel x covers [x, x + 1)), in order
    /// around the plate: the region the SNR is measured on.</param>
    /// <param name="random">The sample's stream for these steps; advanced by exactly one draw, from which each random
    /// step forks its own sub-stream (a step added later then leaves the noise of existing samples unchanged).</param>
    public static DegradationOutcome Apply(GreyImage scene, Degradations degradations, ReadOnlySpan<Vector2> plateCorners, ref DeterministicRandom random)
    {
        var d = degradations;
        var root = new DeterministicRandom(random.NextUInt64());
        new GaussianBlur(d.BlurSigmaPx).Apply(scene);
        new MotionBlur(d.MotionLengthPx, d.MotionAngleDeg).Apply(scene);
        new Lighting(d.Brightness, d.Contrast, d.Gamma, d.UnevenLight, d.UnevenLightAngleDeg).Apply(scene);

        // The clean plate is measured here, after blur and light and before noise: the SNR definition.
        var variance = SensorNoise.PlateVariance(scene, plateCorners);
        var sigma = 0.0;
        if (d.SnrDb is { } snr)
        {
            sigma = new SensorNoise(snr).SigmaFor(variance);
            var noise = root.Fork(NoiseSalt);
            SensorNoise.AddGaussian(scene, sigma, ref noise);
        }

        // Clamp, then JPEG. The JPEG step clamps as it rounds to 8 bits, so with JPEG the separate pass is skipped:
        // the same result, one pass over the image fewer.
        if (d.JpegQuality is { } quality) new JpegCompression(quality).Apply(scene);
        else scene.Clamp();
        return new DegradationOutcome(variance, sigma);
    }
}
