using System.Numerics;
using System.Runtime.CompilerServices;
using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// A smooth random distortion of one glyph (issue 16: several typefaces per style, worn and repainted characters):
/// a 4 x 4 grid of random displacements over the glyph's ink box, interpolated bilinearly, moves every point of its
/// outline by at most <see cref="Amount"/> (outline units: a share of the character height). Elastic distortions of
/// this kind are the classic way to teach a character reader shapes no font in its set draws (Simard, Steinkraus
/// and Platt 2003): an M whose vertex stops higher, a rounder or squarer 0, a shorter bar. The default is no warp.
/// </summary>
public readonly struct GlyphWarp
{
    private const int Grid = 4;

    private readonly Displacements dx, dy;
    private readonly float left, top, width, height;

    /// <summary>The largest displacement, in outline units; 0 for no warp.</summary>
    public float Amount { get; }

    public bool IsNone => Amount <= 0;

    /// <param name="bounds">The glyph's ink box in its outline units.</param>
    /// <param name="amount">The largest displacement of a point, in outline units.</param>
    /// <param name="seed">The plate's warp stream.</param>
    /// <param name="index">The character's position on the plate: each character is warped its own way.</param>
    public GlyphWarp(SKRect bounds, float amount, ulong seed, int index)
    {
        Amount = Math.Max(0, amount);
        (left, top) = (bounds.Left, bounds.Top);
        (width, height) = (Math.Max(bounds.Width, 1e-6f), Math.Max(bounds.Height, 1e-6f));
        var random = new DeterministicRandom(seed).Fork((ulong)index);
        for (var i = 0; i < Grid * Grid; i++)
        {
            dx[i] = (float)random.Uniform(-Amount, Amount);
            dy[i] = (float)random.Uniform(-Amount, Amount);
        }
    }

    /// <summary>Where the warp takes <paramref name="p"/> (outline units).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector2 Apply(Vector2 p)
    {
        if (IsNone) return p;
        var u = Math.Clamp((p.X - left) / width, 0, 1) * (Grid - 1);
        var v = Math.Clamp((p.Y - top) / height, 0, 1) * (Grid - 1);
        var (i, j) = (Math.Min((int)u, Grid - 2), Math.Min((int)v, Grid - 2));
        var (fu, fv) = (u - i, v - j);
        var k = j * Grid + i;
        return new Vector2(p.X + Bilinear(dx, k, fu, fv), p.Y + Bilinear(dy, k, fu, fv));
    }

    private static float Bilinear(in Displacements d, int k, float fu, float fv)
    {
        var top = d[k] + (d[k + 1] - d[k]) * fu;
        var bottom = d[k + Grid] + (d[k + Grid + 1] - d[k + Grid]) * fu;
        return top + (bottom - top) * fv;
    }

    [InlineArray(Grid * Grid)]
    private struct Displacements
    {
        private float element;
    }
}
