using SkiaSharp;

namespace DeepPlate.Inference.Report;

/// <summary>
/// Writes text top to bottom on the report's pages: a cursor <see cref="Y"/>, wrapped paragraphs, a footer on each
/// page. Without a document it only measures (<see cref="Measuring"/>): the first page uses that to learn how much
/// room its fixed sections need before it sizes the thumbnails.
/// </summary>
internal sealed class PageWriter
{
    private readonly SKDocument? document;
    private readonly Func<int, string> footer;

    public PageWriter(SKDocument? document, ReportLayout layout, ReportFonts fonts, Func<int, string> footer)
    {
        this.document = document;
        this.footer = footer;
        Layout = layout;
        Fonts = fonts;
        Y = layout.Top;
    }

    /// <summary>A writer that draws nothing: for measuring how tall some content is.</summary>
    public static PageWriter Measuring(ReportLayout layout, ReportFonts fonts) => new(null, layout, fonts, _ => "");

    public ReportLayout Layout { get; }

    public ReportFonts Fonts { get; }

    /// <summary>The canvas of the current page; null while measuring or before the first page.</summary>
    public SKCanvas? Canvas { get; private set; }

    /// <summary>The page being written, from 1; 0 before the first.</summary>
    public int Page { get; private set; }

    /// <summary>Top of the next line, in points from the top of the page.</summary>
    public float Y { get; set; }

    public float Left => Layout.Margin;

    public float Width => Layout.ContentWidth;

    /// <summary>Room left above the bottom margin.</summary>
    public float Remaining => Layout.Bottom - Y;

    /// <summary>Ends the current page (if any) and starts the next, with its footer, at the top.</summary>
    public void BeginPage()
    {
        EndPage();
        Page++;
        Y = Layout.Top;
        if (document is null) return;
        Canvas = document.BeginPage(Layout.PageWidth, Layout.PageHeight);
        var text = footer(Page);
        var size = Layout.SmallSize;
        using var font = Font(Fonts.Regular, size);
        using var paint = Paint(SKColors.Gray);
        var line = TextWrapper.Truncate(text, Width, s => font.MeasureText(s));
        Canvas.DrawText(line, Left, Layout.Bottom + Layout.Margin / 2, SKTextAlign.Left, font, paint);
    }

    public void EndPage()
    {
        if (Canvas is null) return;
        document!.EndPage();
        Canvas = null;
    }

    /// <summary>Wrapped text from <see cref="Y"/> down, at most <paramref name="maxLines"/> lines (an ellipsis ends
    /// it when cut); returns the lines drawn.</summary>
    public int Paragraph(string text, SKTypeface typeface, float size, SKColor? colour = null, float indent = 0, int maxLines = int.MaxValue, float? width = null)
    {
        using var font = Font(typeface, size);
        var lines = TextWrapper.Wrap(text, (width ?? Width) - indent, s => font.MeasureText(s), maxLines);
        foreach (var line in lines)
        {
            Line(line, font, colour ?? SKColors.Black, Left + indent);
        }
        return lines.Count;
    }

    /// <summary>One line of text at <see cref="Y"/>, then the cursor moves one line down.</summary>
    public void Line(string text, SKFont font, SKColor colour, float x)
    {
        if (Canvas is not null)
        {
            using var paint = Paint(colour);
            Canvas.DrawText(text, x, Baseline(font.Size), SKTextAlign.Left, font, paint);
        }
        Y += ReportLayout.Leading(font.Size);
    }

    /// <summary>Draws text with its top at <paramref name="top"/> without moving the cursor.</summary>
    public void TextAt(string text, SKTypeface typeface, float size, float x, float top, SKColor colour, SKTextAlign align = SKTextAlign.Left)
    {
        if (Canvas is null) return;
        using var font = Font(typeface, size);
        using var paint = Paint(colour);
        Canvas.DrawText(text, x, top + Ascent(size), align, font, paint);
    }

    /// <summary>Where the baseline of a line whose top is at <see cref="Y"/> goes.</summary>
    public float Baseline(float size) => Y + Ascent(size);

    private static float Ascent(float size) => size * 1.0f;

    public static SKFont Font(SKTypeface typeface, float size) => new(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    public static SKPaint Paint(SKColor colour) => new() { Color = colour, IsAntialias = true };
}
