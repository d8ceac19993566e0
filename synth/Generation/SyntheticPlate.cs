using System.Numerics;
using DeepPlate.Formats;

namespace DeepPlate.Synth;

/// <summary>
/// One synthetic sample: the plate text, how it looks, how the camera degraded it, the scene image, the plate's
/// true corners and the four corners an investigator would have clicked (clockwise from the top-left, in scene
/// pixels). Dispose it to return the image's pixels to the pool.
/// </summary>
public sealed record SyntheticPlate(
    PlateText Text,
    string Variant,
    Degradations Degradations,
    GreyImage Scene,
    Vector2[] Corners,
    Vector2[] Clicked) : IDisposable
{
    /// <summary>The text as the plate shows it: the canonical text, unless the appearance split it where its template
    /// has no gap (<c>looseGap</c>: "NO GODS" for NOGODS, whose canonical text and label stay as they were).</summary>
    public string Drawn { get; init; } = Text.Text;

    /// <summary>How much more often the plate's template is issued than the generator draws it (its appearance's
    /// <c>templateTemper</c>): weighting a training loss by it keeps the issued prior (1 for untempered draws).</summary>
    public double IssuedOverDrawn { get; init; } = 1;

    public void Dispose() => Scene.Dispose();
}
