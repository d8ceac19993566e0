using System.Globalization;
using System.Numerics;
using DeepPlate.Inference;

namespace DeepPlate.Web.Features.Reading;

/// <summary>
/// The smallest plate the web reader accepts. Below it the model has almost nothing to look at (a 2 x 1 pixel quad,
/// a 1 x 1 picture) and its answer is noise with confident-looking numbers, which an investigator should not pay a
/// use for. Checked after the picture is decoded and before anything is read or charged. The size of a quad is the
/// mean length of its top and bottom edges (width) and of its left and right edges (height), in the upright
/// picture's pixels; without corners, the picture's own size. <c>corners.js</c> mirrors the rule so Continue stays
/// disabled for such a selection.
/// </summary>
public static class PlateSize
{
    public const int MinWidth = 24;
    public const int MinHeight = 8;

    /// <exception cref="ReadRefusedException">400 when the plate is smaller than <see cref="MinWidth"/> x <see cref="MinHeight"/>.</exception>
    public static void Check(IReadOnlyList<Vector2>? corners, PlateImage image)
    {
        var (width, height) = corners is { Count: 4 } c
            ? ((Vector2.Distance(c[0], c[1]) + Vector2.Distance(c[3], c[2])) / 2, (Vector2.Distance(c[0], c[3]) + Vector2.Distance(c[1], c[2])) / 2)
            : (image.Width, image.Height);
        // A hair of tolerance: corners placed at exactly 24 x 8 must not fail on a float's last bit.
        if (width >= MinWidth - 1e-3f && height >= MinHeight - 1e-3f) return;
        var what = corners is null ? "the picture is" : "the corners enclose";
        throw new ReadRefusedException(StatusCodes.Status400BadRequest, string.Create(CultureInfo.InvariantCulture,
            $"the plate is too small to read: {what} about {width:0.#} x {height:0.#} pixels; the reader needs at least {MinWidth} pixels wide and {MinHeight} high (use a sharper or larger frame, or place the corners on the plate's outer edges). Nothing was charged."));
    }
}
