using System.Numerics;

namespace DeepPlate.Synth;

/// <summary>
/// A retroreflective plate under a camera's own infrared or white flash at night: the sheeting sends the flash back
/// to the lens, so the plate "glows", many times brighter than the car around it, while the printed characters,
/// which do not retroreflect, stay dark. A pixel of grey v inside the plate becomes v (1 + (<see cref="Gain"/> - 1) v²):
/// the sheeting (v near 1) gains almost the whole factor, dark ink (v 0.2: 4 % of it) next to nothing. The car
/// around the plate is dimmed by the square root of the gain (an exposure set for the glowing plate). The light above
/// full white does not vanish but bleeds into its surroundings (bloom: the excess, blurred by <see cref="BloomPx"/>,
/// is added back), eating into thin dark strokes. The camera clamps it later, so the sheeting saturates and the
/// characters lose contrast, as on real night captures.
/// </summary>
public readonly record struct Overexposure(double Gain, double BloomPx)
{
    public void Apply(GreyImage scene, ReadOnlySpan<Vector2> corners)
    {
        var (w, h) = (scene.Width, scene.Height);
        using var excess = new GreyImage(w, h);
        var pixels = scene.Pixels;
        var over = excess.Pixels;
        var gain = (float)Gain;
        // The car around the plate does not retroreflect: the exposure set for the plate leaves it dim.
        var dim = 1 / MathF.Sqrt(gain);
        Span<int> bounds = stackalloc int[4];
        var (first, last) = QuadSpans.Rows(corners, h);
        for (var y = 0; y < h; y++)
        {
            var row = pixels.Slice(y * w, w);
            var n = y >= first && y <= last ? QuadSpans.Columns(corners, y, w, bounds) : 0;
            var x = 0;
            for (var k = 0; k < n; k += 2)
            {
                SceneLight.Scale(row[x..bounds[k]], dim);
                for (x = bounds[k]; x < bounds[k + 1]; x++)
                {
                    var v = row[x] * (1 + (gain - 1) * row[x] * row[x]);
                    row[x] = Math.Min(v, 1);
                    over[y * w + x] = Math.Max(0, v - 1);
                }
            }
            SceneLight.Scale(row[x..], dim);
        }
        new GaussianBlur(BloomPx).Apply(excess);
        for (var i = 0; i < pixels.Length; i++) pixels[i] += over[i];
    }
}
