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
    private readonly Raster raster = new(1, 1, 1);
    private readonly FlatOutline square = Square();
    private readonly Dictionary<PlateStyle, double[]> variantWeights = new(ReferenceEqualityComparer.Instance);

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

    /// <summary>The flat plate, <paramref name="pxPerMm"/> pixels per millimetre, in colour (specimen sheets); the caller owns the bitmap.</summary>
    public SKBitmap RenderFlat(PlateText text, PlateStyle style, double pxPerMm, PlateLook? look = null)
    {
        var flat = new Raster((int)Math.Ceiling(style.WidthMm * pxPerMm), (int)Math.Ceiling(style.HeightMm * pxPerMm), 3);
        flat.Fill(SKColors.White);
        var header = text.Template.State is null ? null : formats.Country(text.Template.Country).State(text.Template.State).Name;
        renderer.Draw(flat, Projective.Scale(pxPerMm, pxPerMm), text, style, look ?? PlateLook.Clean, header);
        return flat.ToBitmap();
    }

    /// <summary>The plate's look: "standard", or one of its variants by weight.</summary>
    public (string Name, PlateStyle Style) PickVariant(PlateStyle plate, ref DeterministicRandom random)
    {
        if (plate.Variants.Count == 0) return ("standard", plate);
        if (!variantWeights.TryGetValue(plate, out var weights))
        {
            weights = new double[plate.Variants.Count];
            for (var i = 0; i < weights.Length; i++) weights[i] = plate.Variants[i].Weight;
            variantWeights[plate] = weights;
        }
        var v = plate.Variants[random.PickWeighted(weights)];
        return (v.Name, v.Style);
    }

    private GreyImage Render(PlateProjection projection, PlateText text, PlateStyle style, PlateLook look, string? header, ref DeterministicRandom random)
    {
        raster.Resize(projection.SceneWidth, projection.SceneHeight);
        DrawSurroundings(raster, ref random);
        renderer.Draw(raster, projection.Matrix, text, style, look, header);
        if (random.NextDouble() < 0.3) DrawFrame(raster, projection.Matrix, style, ref random);
        var grey = new GreyImage(raster.Width, raster.Height);
        raster.Plane(0).CopyTo(grey.Pixels);
        return grey;
    }

    // The car around the plate: body paint with a bumper edge and shadow, so clicked corners that miss the plate
    // see what they would see on a real car. Grey: the colours' Rec. 601 luma, as a camera's grey JPEG records them.
    private void DrawSurroundings(Raster scene, ref DeterministicRandom random)
    {
        var w = scene.Width;
        var h = scene.Height;
        var body = (byte)random.NextInclusive(15, 235);
        var tint = random.NextInclusive(-25, 25);
        scene.Fill(new SKColor((byte)Math.Clamp(body + tint, 0, 255), body, (byte)Math.Clamp(body - tint, 0, 255)));
        var edges = random.Next(3);
        for (var i = 0; i < edges; i++)
        {
            var shade = (byte)random.NextInclusive(0, 255);
            var alpha = random.NextInclusive(60, 200) / 255f;
            var y = random.Uniform(0, h);
            var height = random.Uniform(0.05, 0.3) * h;
            renderer.Rasterizer.Fill(scene, square, Projective.Place(0, y, w, height), new SKColor(shade, shade, shade), alpha);
        }
    }

    // A licence-plate frame (very common in the US, dealers' frames in Europe too): a rim that holds the plate and
    // covers its edge by a few millimetres, chrome or black plastic, often with a deeper bottom bar where a dealer's
    // name would go. The plate's characters keep their margins, so the frame never covers them.
    private void DrawFrame(Raster scene, Projective plateToScene, PlateStyle style, ref DeterministicRandom random)
    {
        var w = (float)style.WidthMm;
        var h = (float)style.HeightMm;
        var rim = (float)(h * random.Uniform(0.03, 0.07));
        var cover = (float)(h * random.Uniform(0.01, 0.035));
        var bottom = random.NextDouble() < 0.5 ? rim : (float)(h * random.Uniform(0.1, 0.18));
        var bottomCover = bottom > rim ? cover + (float)(h * random.Uniform(0, 0.04)) : cover;
        var shade = random.NextDouble() < 0.6 ? (byte)random.NextInclusive(10, 50) : (byte)random.NextInclusive(150, 220);
        var r = (float)style.CornerRadiusMm;
        using var builder = new SKPathBuilder();
        builder.AddRoundRect(new SKRect(-rim, -rim, w + rim, h + bottom), r + rim, r + rim, SKPathDirection.Clockwise);
        builder.AddRoundRect(new SKRect(cover, cover, w - cover, h - bottomCover), Math.Max(0, r - cover), Math.Max(0, r - cover), SKPathDirection.CounterClockwise);
        using var path = builder.Detach();
        renderer.Rasterizer.Fill(scene, new FlatOutline(path, simplify: false), plateToScene, new SKColor(shade, shade, shade));
    }

    private static FlatOutline Square()
    {
        using var builder = new SKPathBuilder();
        builder.AddRect(new SKRect(0, 0, 1, 1), SKPathDirection.Clockwise);
        using var path = builder.Detach();
        return new FlatOutline(path, simplify: false);
    }

    public void Dispose() => renderer.Dispose();
}
