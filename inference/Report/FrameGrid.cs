using System.Globalization;
using SkiaSharp;

namespace DeepPlate.Inference.Report;

/// <summary>
/// The input frames on the report: each a thumbnail with its corners and, beside or below it, its file name, size,
/// SHA-256 and corners. One frame sits beside its text; several share a grid. <see cref="Write"/> picks the first
/// arrangement whose height fits the room given (thumbnails shrink before columns are added); frames that fit in
/// none are left for <see cref="WriteRest"/>, which lists them on the last pages.
/// </summary>
internal static class FrameGrid
{
    private const float Gap = 10;
    private const float MaxThumbnailWidth = 250;

    /// <summary>Arrangements tried in order: columns, and the thumbnail box's height as a share of its width.</summary>
    private static readonly (int Columns, float Aspect)[] Arrangements = [(1, 0.64f), (1, 0.4f), (2, 0.6f), (3, 0.6f), (4, 0.6f), (4, 0.35f)];

    /// <summary>Draws as many frames as fit in <paramref name="room"/> points from the cursor down, in order;
    /// returns how many.</summary>
    public static int Write(PageWriter w, Reading reading, IReadOnlyList<PlateFrame> frames, ReportDetails details, float room)
    {
        var n = reading.Frames.Count;
        foreach (var (columns, aspect) in Arrangements)
        {
            if (Height(w, reading, details, 0, n, columns, aspect) <= room)
            {
                Rows(w, reading, frames, details, 0, n, columns, aspect);
                return n;
            }
        }
        // The densest arrangement, as many whole rows as fit with one line left for the note that says where the rest are.
        var (last, lastAspect) = Arrangements[^1];
        var noteLine = ReportLayout.Leading(w.Layout.SmallSize);
        var shown = 0;
        while (shown < n && Height(w, reading, details, 0, Math.Min(n, shown + last), last, lastAspect) <= room - noteLine) shown = Math.Min(n, shown + last);
        Rows(w, reading, frames, details, 0, shown, last, lastAspect);
        return shown;
    }

    /// <summary>Frames <paramref name="from"/> onwards, in the densest grid, on as many pages as they need.</summary>
    public static void WriteRest(PageWriter w, Reading reading, IReadOnlyList<PlateFrame> frames, ReportDetails details, int from)
    {
        var (columns, aspect) = Arrangements[^2];
        for (var start = from; start < reading.Frames.Count; start += columns)
        {
            var end = Math.Min(reading.Frames.Count, start + columns);
            if (Height(w, reading, details, start, end, columns, aspect) > w.Remaining) w.BeginPage();
            Rows(w, reading, frames, details, start, end, columns, aspect);
        }
    }

    private static float Height(PageWriter w, Reading reading, ReportDetails details, int from, int to, int columns, float aspect)
    {
        var total = 0f;
        for (var start = from; start < to; start += columns)
        {
            var row = 0f;
            for (var i = start; i < Math.Min(to, start + columns); i++) row = Math.Max(row, Cell(w, reading, details, i, columns, aspect, null, 0));
            total += row + Gap;
        }
        return total;
    }

    private static void Rows(PageWriter w, Reading reading, IReadOnlyList<PlateFrame> frames, ReportDetails details, int from, int to, int columns, float aspect)
    {
        for (var start = from; start < to; start += columns)
        {
            var row = 0f;
            for (var i = start; i < Math.Min(to, start + columns); i++)
            {
                row = Math.Max(row, Cell(w, reading, details, i, columns, aspect, frames[i].Image, (i - start) * (CellWidth(w, columns) + Gap)));
            }
            w.Y += row + Gap;
        }
    }

    /// <summary>The corners to a tenth of a pixel (the JSON has them exactly): "1 (x, y), 2 (x, y), ...".</summary>
    private static string Corners(IReadOnlyList<System.Numerics.Vector2> corners)
    {
        var parts = new string[corners.Count];
        for (var i = 0; i < parts.Length; i++) parts[i] = string.Create(CultureInfo.InvariantCulture, $"{i + 1} ({corners[i].X:0.0}, {corners[i].Y:0.0})");
        return string.Join(", ", parts);
    }

    private static float CellWidth(PageWriter w, int columns) => (w.Width - (columns - 1) * Gap) / columns;

    /// <summary>Draws (with an image) or measures (without) frame <paramref name="i"/>'s cell at the cursor,
    /// <paramref name="offset"/> points right of the margin; returns its height. The cursor is left where it was.</summary>
    private static float Cell(PageWriter w, Reading reading, ReportDetails details, int i, int columns, float aspect, PlateImage? image, float offset)
    {
        var frame = reading.Frames[i];
        var cellWidth = CellWidth(w, columns);
        var beside = columns == 1;
        var boxWidth = beside ? Math.Min(MaxThumbnailWidth, cellWidth * 0.5f) : cellWidth;
        var size = Thumbnail.Fit(frame.Width, frame.Height, boxWidth, boxWidth * aspect);
        var top = w.Y;
        if (image is not null && w.Canvas is { } canvas)
        {
            Thumbnail.Draw(canvas, image, frame.Corners, w.Left + offset, top, size, w.Fonts.Bold);
        }
        var textOffset = beside ? offset + size.Width + Gap : offset;
        var textWidth = beside ? cellWidth - size.Width - Gap : cellWidth;
        w.Y = beside ? top : top + size.Height + 3;
        var small = w.Layout.SmallSize;
        var inv = CultureInfo.InvariantCulture;
        var name = i < details.FileNames.Count ? details.FileNames[i] : "(no name given)";
        // Text is drawn only when the thumbnail is (image given), else measured by a writer without a canvas.
        var target = image is null ? PageWriter.Measuring(w.Layout, w.Fonts) : w;
        target.Y = w.Y;
        void Text(string text, SKTypeface typeface, int maxLines, SKColor? colour = null) =>
            target.Paragraph(text, typeface, small, colour, textOffset, maxLines, textOffset + textWidth);
        Text(reading.Frames.Count == 1 ? $"File: {name}" : $"Frame {i + 1}: {name}", w.Fonts.Bold, 2);
        Text(string.Create(inv, $"{frame.Format}, {frame.Width} × {frame.Height} px")
            + (frame.Orientation > 1 ? string.Create(inv, $", EXIF orientation {frame.Orientation} applied") : ""), w.Fonts.Regular, 1);
        // Never cut: the hash is the point (64 characters: 3 lines in the narrowest cell, plus the label's).
        Text("SHA-256 of the file: " + frame.Sha256, w.Fonts.Mono, int.MaxValue);
        Text(frame.WholeImage ? "Corners: none selected, the whole picture was read" : "Corners (1-4, pixels): " + Corners(frame.Corners),
            w.Fonts.Regular, 2, SKColors.DimGray);
        var height = Math.Max(target.Y - top, beside ? size.Height : 0);
        w.Y = top;
        return height;
    }
}
