using System.Numerics;
using System.Runtime.InteropServices;

namespace DeepPlate.Synth;

/// <summary>
/// Light and tone, per pixel, in the order light reaches the file:
/// <list type="number">
/// <item>uneven illumination multiplies the scene by 1 + <see cref="UnevenLight"/> * g, where g runs linearly from
/// -1 to +1 across the image towards <see cref="UnevenLightAngleDeg"/> (degrees counter-clockwise from +x on
/// screen): light multiplies reflectance, so black characters stay black and white ones dim or brighten;</item>
/// <item>the tone curve v^<see cref="Gamma"/>;</item>
/// <item>contrast around mid-grey, (v - 0.5) * <see cref="Contrast"/> + 0.5, then the <see cref="Brightness"/>
/// offset — last, because they are the exporter's adjustments of the encoded values.</item>
/// </list>
/// Values may leave [0, 1]: the pipeline clamps after the noise, as a sensor clips the noisy signal.
/// </summary>
public readonly record struct Lighting(double Brightness, double Contrast, double Gamma, double UnevenLight, double UnevenLightAngleDeg)
{
    public static readonly Lighting Identity = new(0, 1, 1, 0, 0);

    public bool IsIdentity => Brightness == 0 && Contrast == 1 && Gamma == 1 && UnevenLight == 0;

    public void Apply(GreyImage image)
    {
        if (!double.IsFinite(Brightness) || !double.IsFinite(Contrast) || !double.IsFinite(UnevenLightAngleDeg))
            throw new ArgumentOutOfRangeException(nameof(Brightness), this, "lighting parameters must be finite");
        if (!(Gamma > 0) || double.IsInfinity(Gamma)) throw new ArgumentOutOfRangeException(nameof(Gamma), Gamma, "gamma must be a finite number > 0");
        if (!(UnevenLight >= 0 && UnevenLight <= 1)) throw new ArgumentOutOfRangeException(nameof(UnevenLight), UnevenLight, "uneven light runs from 0 to 1");
        if (IsIdentity) return;

        var w = image.Width;
        var h = image.Height;

        // The light factor 1 + a * g is linear in x and y: f(x, y) = f0 + fx * x + fy * y, evaluated at pixel centres.
        // g = ((x + 0.5 - cx) ux + (y + 0.5 - cy) uy) / half, where half is the largest |projection| of a pixel centre
        // onto the direction, so g reaches exactly -1 and +1 at the extreme pixel centres.
        var angle = UnevenLightAngleDeg * Math.PI / 180;
        var ux = Math.Cos(angle);
        var uy = -Math.Sin(angle);
        var half = (Math.Abs(ux) * (w - 1) + Math.Abs(uy) * (h - 1)) / 2;
        var a = half > 0 ? UnevenLight / half : 0;
        var fx = (float)(a * ux);
        var fy = a * uy;
        var cx = w / 2.0;
        var cy = h / 2.0;

        var gamma = (float)Gamma;
        var contrast = (float)Contrast;
        // (v - 0.5) c + 0.5 + b = v c + offset.
        var offset = (float)(0.5 - 0.5 * Contrast + Brightness);
        var doGamma = Gamma != 1;

        // Whole vectors only: the last, partial vector of a row goes through a copy, so every pixel takes the same
        // vector Log/Exp path and the bits do not depend on where a row ends or on the vector width.
        var n = Vector<float>.Count;
        Span<float> ramp = stackalloc float[n];
        for (var i = 0; i < n; i++) ramp[i] = i;
        var xs = MemoryMarshal.Cast<float, Vector<float>>(ramp)[0];
        Span<float> tail = stackalloc float[n];
        var pixels = image.Pixels;
        for (var y = 0; y < h; y++)
        {
            var row = pixels.Slice(y * w, w);
            // f at x = 0 of this row: 1 + a((0.5 - cx) ux + (y + 0.5 - cy) uy).
            var f0 = (float)(1 + a * ((0.5 - cx) * ux) + fy * (y + 0.5 - cy));
            for (var x = 0; x < w; x += n)
            {
                var count = Math.Min(n, w - x);
                var chunk = count == n ? row.Slice(x, n) : tail;
                if (count < n)
                {
                    tail.Clear();
                    row.Slice(x, count).CopyTo(tail);
                }
                var v = MemoryMarshal.Cast<float, Vector<float>>(chunk)[0];
                var light = new Vector<float>(f0 + fx * x) + xs * fx;
                // Light cannot be negative, and Log needs v >= 0 (Log(0) = -inf, Exp(-inf) = 0 as wanted).
                v = Vector.Max(v * light, Vector<float>.Zero);
                if (doGamma) v = Vector.Exp(Vector.Log(v) * gamma);
                v = v * contrast + new Vector<float>(offset);
                MemoryMarshal.Cast<float, Vector<float>>(chunk)[0] = v;
                if (count < n) tail[..count].CopyTo(row.Slice(x, count));
            }
        }
    }
}
