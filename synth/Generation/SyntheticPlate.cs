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
    public void Dispose() => Scene.Dispose();
}
