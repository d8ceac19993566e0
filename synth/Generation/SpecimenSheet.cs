using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// A country's specimen sheet (docs/specimens/&lt;country&gt;.png): every character its plates can carry, drawn in
/// each typeface the generator uses for them, and one flat, clean plate per template (its example text from the
/// formats data) with each alternative look beside it, so that anyone can hold the sheet next to a photo and see
/// what the generator makes of the country. Drawn by the same renderer as the training plates.
/// </summary>
public static class SpecimenSheet
{
    /// <summary>How a sheet is laid out.</summary>
    /// <param name="Width">Sheet width in pixels.</param>
    /// <param name="PlateWidthPx">Width of a standard plate on the sheet.</param>
    /// <param name="GlyphCapPx">Cap height of the characters in the typeface charts.</param>
    /// <param name="Variants">Draw each template's alternative looks (UK rear plate, older state designs) too.</param>
    /// <param name="CaptionLines">Most caption lines under a plate (longer captions are cut).</param>
    public sealed record Layout(int Width = 1120, int PlateWidthPx = 520, int GlyphCapPx = 44, bool Variants = true, int CaptionLines = 4)
    {
        /// <summary>For a country with many templates (the US): small plates, standard looks only, short captions.</summary>
        public static Layout Dense { get; } = new(Width: 1120, PlateWidthPx: 116, GlyphCapPx: 32, Variants: false, CaptionLines: 2);

        /// <summary>The layout a country's sheet uses: dense beyond 20 templates, so the sheet stays small.</summary>
        public static Layout For(int templates) => templates > 20 ? Dense : new Layout();
    }

    private const int Margin = 16;
    private const int CaptionPx = 13;
    private static readonly SKColor Ink = new(0x20, 0x20, 0x20);
    private static readonly SKColor Muted = new(0x60, 0x60, 0x60);

    /// <summary>Every template of <paramref name="country"/> (for the US, of every state), in data order.</summary>
    public static IReadOnlyList<PlateTemplate> Templates(CountryFormat country) =>
        [.. country.Templates.Concat(country.States.SelectMany(s => s.Templates)).DistinctBy(t => t.QualifiedId)];

    /// <summary>Draws the sheet of <paramref name="countryCode"/>; the caller owns the bitmap.</summary>
    public static SKBitmap Render(FormatRegistry formats, FontCatalog fonts, string countryCode, Layout? layout = null)
    {
        var country = formats.Country(countryCode);
        var templates = Templates(country);
        var l = layout ?? Layout.For(templates.Count);
        using var generator = new PlateGenerator(formats, fonts, DegradationSpec.Default);
        using var typeface = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
        using var bold = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default;
        var blocks = new List<Block>();
        try
        {
            blocks.Add(Block.Text($"{country.Name} ({country.Code}): DeepPlate specimen", bold, 22, Ink));
            blocks.Add(Block.Text("Flat, clean renders by the synthetic plate generator: every character of each typeface, then one plate per template " +
                "(its example from formats/data) with its other looks. Made by: deepplate synth specimens", typeface, CaptionPx, Muted));

            foreach (var (fontId, chars) in CharactersByFont(templates))
            {
                var font = fonts.Get(fontId);
                var source = fonts.Table.FirstOrDefault(s => s.Id == fontId)?.Approximates ?? font.Source;
                blocks.Add(Block.Text($"Typeface {fontId}: {source}", bold, 15, Ink));
                blocks.Add(Block.Image(SpecimenGlyphs.Render(font, chars, l.GlyphCapPx, columns: Math.Max(1, (l.Width - 2 * Margin) / (int)Math.Ceiling(l.GlyphCapPx * 1.3)))));
            }

            blocks.Add(Block.Text($"Templates ({templates.Count})", bold, 15, Ink));
            var cells = new List<(SKBitmap Image, string Caption)>();
            foreach (var t in templates)
            {
                var text = ExampleText(formats, t);
                var looks = l.Variants && t.Plate.Variants.Count > 0 ? t.Plate.Variants.Select(v => (v.Name, v.Style)).ToList() : [("standard", t.Plate)];
                foreach (var (name, style) in looks)
                {
                    var pxPerMm = l.PlateWidthPx / Math.Max(country.Plate.WidthMm, t.Plate.WidthMm);
                    var caption = $"{t.QualifiedId}: {text.Text}" + (looks.Count > 1 ? $" ({name})" : "") + $"\n{t.Name}";
                    cells.Add((generator.RenderFlat(text, style, pxPerMm), caption));
                }
            }
            blocks.Add(Block.Grid(cells, l, typeface));
            return Compose(blocks, l.Width);
        }
        finally
        {
            foreach (var b in blocks) b.Dispose();
        }
    }

    /// <summary>Renders the sheet and writes it as PNG; returns the file's size in bytes.</summary>
    public static long SavePng(FormatRegistry formats, FontCatalog fonts, string countryCode, string path, Layout? layout = null)
    {
        using var sheet = Render(formats, fonts, countryCode, layout);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        // The sheets are committed: the strongest compression keeps them small.
        using var pixmap = sheet.PeekPixels();
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))
            ?? throw new InvalidOperationException($"Skia could not encode the {countryCode} sheet");
        using (var file = File.Create(path)) data.SaveTo(file);
        return new FileInfo(path).Length;
    }

    /// <summary>The template's example as a plate text of that template (the data's example, canonicalised by it).</summary>
    public static PlateText ExampleText(FormatRegistry formats, PlateTemplate t)
    {
        var check = formats.Check(t.Country, t.Example, t.State, t.Id);
        if (!check.IsValid || check.Canonical is null)
            throw new InvalidOperationException($"the example '{t.Example}' of template {t.Country}/{t.QualifiedId} does not pass its own template: {check.Reason}");
        return new PlateText(t, check.Canonical, new string([.. check.Canonical.Where(c => c is not (' ' or '-'))]));
    }

    /// <summary>font id → the characters any template drawn with it can carry: letters, then digits, then the rest.</summary>
    private static IEnumerable<(string Font, string Chars)> CharactersByFont(IReadOnlyList<PlateTemplate> templates)
    {
        foreach (var group in templates.GroupBy(t => t.Typeface.Font))
        {
            var chars = group.SelectMany(t => t.Alphabet.Chars).Distinct()
                .OrderBy(c => char.IsAsciiLetterUpper(c) ? 0 : char.IsAsciiDigit(c) ? 1 : 2).ThenBy(c => c);
            yield return (group.Key, new string([.. chars]));
        }
    }

    private static SKBitmap Compose(List<Block> blocks, int width)
    {
        var height = Margin + blocks.Sum(b => b.Height + 8) + Margin;
        var sheet = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var canvas = new SKCanvas(sheet);
        canvas.Clear(SKColors.White);
        var y = Margin;
        foreach (var b in blocks)
        {
            b.Draw(canvas, Margin, y, width - 2 * Margin);
            y += b.Height + 8;
        }
        return sheet;
    }

    /// <summary>One piece of the sheet, stacked top to bottom.</summary>
    private sealed class Block : IDisposable
    {
        private readonly Action<SKCanvas, int, int, int> draw;
        private readonly Action? dispose;

        private Block(int height, Action<SKCanvas, int, int, int> draw, Action? dispose = null)
        {
            Height = height;
            this.draw = draw;
            this.dispose = dispose;
        }

        public int Height { get; }

        public void Draw(SKCanvas canvas, int x, int y, int width) => draw(canvas, x, y, width);

        public void Dispose() => dispose?.Invoke();

        public static Block Text(string text, SKTypeface typeface, float size, SKColor colour)
        {
            using var measure = new SKFont(typeface, size);
            var lines = Wrap(text, 1080, t => measure.MeasureText(t));
            return new Block((int)Math.Ceiling(lines.Count * size * 1.3f), (canvas, x, y, _) =>
            {
                using var font = new SKFont(typeface, size);
                using var paint = new SKPaint { Color = colour, IsAntialias = true };
                for (var i = 0; i < lines.Count; i++) canvas.DrawText(lines[i], x, y + size + i * size * 1.3f, SKTextAlign.Left, font, paint);
            });
        }

        public static Block Image(SKBitmap bitmap) => new(bitmap.Height, (canvas, x, y, _) =>
        {
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, x, y, SKSamplingOptions.Default);
        }, bitmap.Dispose);

        public static Block Grid(List<(SKBitmap Image, string Caption)> cells, Layout layout, SKTypeface typeface)
        {
            var cellW = layout.PlateWidthPx + 16;
            var columns = Math.Max(1, (layout.Width - 2 * Margin) / cellW);
            using var measure = new SKFont(typeface, CaptionPx);
            var captions = cells.Select(c => Caption(c.Caption, cellW - 6, layout.CaptionLines, t => measure.MeasureText(t))).ToList();
            var captionLines = captions.Count == 0 ? 0 : captions.Max(c => c.Count);
            var rowHeights = new List<int>();
            for (var i = 0; i < cells.Count; i += columns)
            {
                var tallest = cells.Skip(i).Take(columns).Max(c => c.Image.Height);
                rowHeights.Add(tallest + 6 + captionLines * (CaptionPx + 3) + 10);
            }
            return new Block(rowHeights.Sum(), (canvas, x, y, _) =>
            {
                using var font = new SKFont(typeface, CaptionPx);
                using var paint = new SKPaint { Color = Ink, IsAntialias = true };
                using var frame = new SKPaint { Color = new SKColor(0xD0, 0xD0, 0xD0), Style = SKPaintStyle.Stroke };
                var top = y;
                for (var i = 0; i < cells.Count; i++)
                {
                    var row = i / columns;
                    if (i % columns == 0 && i > 0) top += rowHeights[row - 1];
                    var (image, _) = cells[i];
                    var cx = x + i % columns * cellW;
                    using (var img = SKImage.FromBitmap(image)) canvas.DrawImage(img, cx, top, SKSamplingOptions.Default);
                    canvas.DrawRect(cx - 0.5f, top - 0.5f, image.Width, image.Height, frame);
                    var lines = captions[i];
                    for (var line = 0; line < lines.Count; line++)
                    {
                        canvas.DrawText(lines[line], cx, top + image.Height + 6 + CaptionPx + line * (CaptionPx + 3), SKTextAlign.Left, font, paint);
                    }
                }
            }, () =>
            {
                foreach (var (image, _) in cells) image.Dispose();
            });
        }

        /// <summary>The caption's lines wrapped to <paramref name="width"/> pixels, at most <paramref name="maxLines"/> (the last one cut short with an ellipsis).</summary>
        private static List<string> Caption(string caption, float width, int maxLines, Func<string, float> measure)
        {
            var lines = caption.Split('\n').SelectMany(part => Wrap(part, width, measure)).ToList();
            if (lines.Count <= maxLines) return lines;
            lines = lines[..maxLines];
            var last = lines[^1];
            while (last.Length > 1 && measure(last + "…") > width) last = last[..^1];
            lines[^1] = last.TrimEnd() + "…";
            return lines;
        }

        /// <summary>Words filled into lines at most <paramref name="width"/> pixels wide (a longer word gets a line of its own).</summary>
        private static List<string> Wrap(string text, float width, Func<string, float> measure)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' '))
            {
                if (current.Length > 0 && measure(current + " " + word) > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = current.Length == 0 ? word : current + " " + word;
                }
            }
            if (current.Length > 0) lines.Add(current);
            return lines;
        }
    }
}
