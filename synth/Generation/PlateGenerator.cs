using System.Numerics;
using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// Makes synthetic samples: a pure function of (country, state, seed, index, difficulty, fixed parameters). Text,
/// look, degradation, scene and clicks each draw from their own fork of the sample's random stream, so fixing one
/// (say the plate width on an evaluation grid) leaves the others as they were. One instance per thread.
/// </summary>
public sealed class PlateGenerator(FormatRegistry formats, FontCatalog fonts, DegradationSpec spec) : IDisposable
{
    private readonly PlateRenderer renderer = new(fonts);
    private readonly SKPaint paint = new() { IsAntialias = true };
    private SKBitmap? canvasBitmap;

    public SyntheticPlate Generate(string country, string? state, ulong seed, long index, double difficulty = 1, Func<Degradations, Degradations>? fix = null)
    {
        var random = DeterministicRandom.For(seed, index);
        var textRandom = random.Fork(1);
        var lookRandom = random.Fork(2);
        var degradeRandom = random.Fork(3);
        var sceneRandom = random.Fork(4);
        var noiseRandom = random.Fork(5);
        var clickRandom = random.Fork(6);

        var c = formats.Country(country);
        var template = TextSampler.PickTemplate(c, state, ref textRandom);
        var text = TextSampler.Sample(template, ref textRandom);
        var (variant, style) = PickVariant(template.Plate, ref lookRandom);
        var look = PlateLook.Sample(ref lookRandom);
        var header = template.State is null ? null : c.State(template.State).Name;

        var d = spec.Sample(ref degradeRandom, difficulty);
        if (fix is not null) d = fix(d);

        var projection = PlateProjection.Create(style.WidthMm, style.HeightMm, d,
            sceneRandom.Uniform(0.15, 0.9), sceneRandom.Uniform(0.15, 0.9), sceneRandom.Uniform(0.15, 0.9), sceneRandom.Uniform(0.15, 0.9));
        var scene = Render(projection, text, style, look, header, ref sceneRandom);
        DegradationPipeline.Apply(scene, d, projection.Corners, ref noiseRandom);

        var clicked = new Vector2[4];
        for (var i = 0; i < 4; i++)
        {
            clicked[i] = projection.Corners[i] + new Vector2(
                (float)(clickRandom.NextGaussian() * d.ClickErrorPx), (float)(clickRandom.NextGaussian() * d.ClickErrorPx));
        }
        return new SyntheticPlate(text, variant, d, scene, projection.Corners, clicked);
    }

    /// <summary>The flat plate, <paramref name="pxPerMm"/> pixels per millimetre, in colour (specimen sheets).</summary>
    public SKBitmap RenderFlat(PlateText text, PlateStyle style, double pxPerMm, PlateLook? look = null)
    {
        var bitmap = new SKBitmap((int)Math.Ceiling(style.WidthMm * pxPerMm), (int)Math.Ceiling(style.HeightMm * pxPerMm));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        canvas.Scale((float)pxPerMm);
        var header = text.Template.State is null ? null : formats.Country(text.Template.Country).State(text.Template.State).Name;
        renderer.Draw(canvas, text, style, look ?? PlateLook.Clean, header);
        return bitmap;
    }

    public static (string Name, PlateStyle Style) PickVariant(PlateStyle plate, ref DeterministicRandom random)
    {
        if (plate.Variants.Count == 0) return ("standard", plate);
        var v = plate.Variants[random.PickWeighted([.. plate.Variants.Select(x => x.Weight)])];
        return (v.Name, v.Style);
    }

    private GreyImage Render(PlateProjection projection, PlateText text, PlateStyle style, PlateLook look, string? header, ref DeterministicRandom random)
    {
        var w = projection.SceneWidth;
        var h = projection.SceneHeight;
        if (canvasBitmap is null || canvasBitmap.Width < w || canvasBitmap.Height < h)
        {
            var (oldW, oldH) = (canvasBitmap?.Width ?? 0, canvasBitmap?.Height ?? 0);
            canvasBitmap?.Dispose();
            canvasBitmap = new SKBitmap(Math.Max(w, oldW), Math.Max(h, oldH), SKColorType.Gray8, SKAlphaType.Opaque);
        }
        // Grey straight away: every colour is drawn as its Rec. 601 luma (PlateRenderer.Grey), as a camera's grey
        // JPEG would record it, so there is no colour buffer to convert.
        using (var canvas = new SKCanvas(canvasBitmap))
        {
            canvas.ClipRect(new SKRect(0, 0, w, h));
            DrawSurroundings(canvas, w, h, ref random);
            canvas.SetMatrix(projection.Matrix);
            if (random.NextDouble() < 0.3) DrawFrame(canvas, style, ref random);
            renderer.Draw(canvas, text, style, look, header, greyscale: true);
        }

        var grey = new GreyImage(w, h);
        var pixels = canvasBitmap.GetPixelSpan();
        var stride = canvasBitmap.RowBytes;
        for (var y = 0; y < h; y++) GreyImageIO.FromCodes(pixels.Slice(y * stride, w), grey.Row(y));
        return grey;
    }

    // The car around the plate: body paint with a bumper edge and shadow, so clicked corners that miss the plate
    // see what they would see on a real car.
    private void DrawSurroundings(SKCanvas canvas, int w, int h, ref DeterministicRandom random)
    {
        var body = (byte)random.NextInclusive(15, 235);
        var tint = random.NextInclusive(-25, 25);
        paint.Color = PlateRenderer.Grey(new SKColor((byte)Math.Clamp(body + tint, 0, 255), body, (byte)Math.Clamp(body - tint, 0, 255)));
        canvas.DrawRect(0, 0, w, h, paint);
        var edges = random.Next(3);
        for (var i = 0; i < edges; i++)
        {
            var shade = (byte)random.NextInclusive(0, 255);
            paint.Color = new SKColor(shade, shade, shade, (byte)random.NextInclusive(60, 200));
            var y = (float)random.Uniform(0, h);
            canvas.DrawRect(0, y, w, (float)random.Uniform(0.05, 0.3) * h, paint);
        }
    }

    // A dealer or chrome frame just outside the plate edge (very common in the US).
    private void DrawFrame(SKCanvas canvas, PlateStyle style, ref DeterministicRandom random)
    {
        var m = (float)(style.HeightMm * random.Uniform(0.03, 0.12));
        var shade = random.NextDouble() < 0.6 ? (byte)random.NextInclusive(10, 50) : (byte)random.NextInclusive(150, 220);
        paint.Color = new SKColor(shade, shade, shade);
        canvas.DrawRoundRect(new SKRoundRect(new SKRect(-m, -m, (float)style.WidthMm + m, (float)style.HeightMm + m), m), paint);
    }

    public void Dispose()
    {
        renderer.Dispose();
        paint.Dispose();
        canvasBitmap?.Dispose();
    }
}
