using System.Globalization;
using System.Numerics;
using SkiaSharp;

namespace DeepPlate.Inference.Report;

/// <summary>
/// A frame as the report shows it: the upright picture shrunk into a box, with the corners the reading used drawn
/// as a quadrilateral and numbered 1-4 in the order they were given (clockwise from the top-left), so an examiner
/// can see at a glance which part of the picture was read.
/// </summary>
internal static class Thumbnail
{
    /// <summary>Pixels embedded per point: 2 (144 dpi) is sharp on paper and keeps the PDF small.</summary>
    private const float PixelsPerPoint = 2;

    private static readonly SKColor CornerColour = new(230, 60, 20);

    /// <summary>The size in points of a picture fitted into a box, keeping its aspect ratio (a small picture is
    /// enlarged to the box too, so a 60-pixel crop can still be seen).</summary>
    public static SKSize Fit(int width, int height, float boxWidth, float boxHeight)
    {
        var scale = Math.Min(boxWidth / width, boxHeight / height);
        return new SKSize(width * scale, height * scale);
    }

    /// <summary>Draws the frame's picture at (<paramref name="x"/>, <paramref name="y"/>) in <paramref name="size"/>
    /// points, with its corners.</summary>
    public static void Draw(SKCanvas canvas, PlateImage image, IReadOnlyList<Vector2> corners, float x, float y, SKSize size, SKTypeface typeface)
    {
        var pw = Math.Clamp((int)MathF.Ceiling(size.Width * PixelsPerPoint), 1, image.Width);
        var ph = Math.Clamp((int)MathF.Ceiling(size.Height * PixelsPerPoint), 1, image.Height);
        using (var picture = image.Scaled(pw, ph))
        {
            // Nearest when enlarging a tiny picture: its pixels are the evidence, not a smoothed version of them.
            var sampling = pw < size.Width ? new SKSamplingOptions(SKFilterMode.Nearest) : new SKSamplingOptions(SKFilterMode.Linear);
            canvas.DrawImage(picture, SKRect.Create(x, y, size.Width, size.Height), sampling);
        }
        using var frame = new SKPaint { Color = SKColors.Gray, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, IsAntialias = true };
        canvas.DrawRect(SKRect.Create(x, y, size.Width, size.Height), frame);

        var scale = size.Width / image.Width;
        var points = new SKPoint[corners.Count];
        var centre = SKPoint.Empty;
        for (var i = 0; i < corners.Count; i++)
        {
            points[i] = new SKPoint(x + corners[i].X * scale, y + corners[i].Y * scale);
            centre += points[i];
        }
        centre = new SKPoint(centre.X / points.Length, centre.Y / points.Length);
        using var stroke = new SKPaint { Color = CornerColour, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true };
        for (var i = 0; i < points.Length; i++) canvas.DrawLine(points[i], points[(i + 1) % points.Length], stroke);

        // Each number on a small white disc just outside its corner (away from the quadrilateral's centre).
        using var font = PageWriter.Font(typeface, 7);
        using var disc = new SKPaint { Color = SKColors.White.WithAlpha(220), IsAntialias = true };
        using var ink = new SKPaint { Color = CornerColour, IsAntialias = true };
        for (var i = 0; i < points.Length; i++)
        {
            var away = points[i] - centre;
            var length = MathF.Max(away.Length, 1e-3f);
            var at = points[i] + new SKPoint(away.X / length * 6, away.Y / length * 6);
            // Keep the label on the thumbnail when the corner is at its edge.
            at = new SKPoint(Math.Clamp(at.X, x + 4, x + size.Width - 4), Math.Clamp(at.Y, y + 4, y + size.Height - 4));
            canvas.DrawCircle(at, 4, disc);
            // Drawn as outlines, not text: a number drawn as text would land among the words of the hash beside
            // the thumbnail when someone copies it out of the PDF.
            var label = (i + 1).ToString(CultureInfo.InvariantCulture);
            using var outline = font.GetTextPath(label, new SKPoint(at.X - font.MeasureText(label) / 2, at.Y + 2.5f));
            canvas.DrawPath(outline, ink);
        }
    }
}
