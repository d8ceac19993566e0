using System.Numerics;
using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>
/// Makes synthetic samples: a pure function of (country, state, seed, index, difficulty, fixed parameters). Text,
/// look, degradation, scene and clicks each draw from their own fork of the sample's random stream, so fixing one
/// (say the plate width on an evaluation grid) leaves the others as they were. One instance per thread.
/// </summary>
/// <param name="appearance">How much plates vary beyond the camera (framing, colours, light, extra text); null =
/// <see cref="AppearanceSpec.Plain"/>, the plain generator the evaluation grid uses.</param>
public sealed class PlateGenerator(FormatRegistry formats, FontCatalog fonts, DegradationSpec spec, AppearanceSpec? appearance = null) : IDisposable
{
    private readonly AppearanceSpec appearance = appearance ?? AppearanceSpec.Plain;

    private readonly PlateRenderer renderer = new(fonts);
    private readonly Raster raster = new(1, 1, 1);
    private readonly FlatOutline square = Square();
    private readonly Dictionary<PlateStyle, double[]> variantWeights = new(ReferenceEqualityComparer.Instance);

    private static readonly FontSource[] CountryTypefaces = [.. FontCatalog.Builtin.Where(f => !f.Maker)];
    private static readonly FontSource[] MakerTypefaces = [.. FontCatalog.Builtin.Where(f => f.Maker)];

    /// <param name="retext">Changes the sampled text (the ideal observer's templates: the same plate with one
    /// character replaced); everything else stays as drawn.</param>
    public SyntheticPlate Generate(string country, string? state, ulong seed, long index, double difficulty = 1, Func<Degradations, Degradations>? fix = null,
        Func<PlateText, PlateText>? retext = null)
    {
        var random = DeterministicRandom.For(seed, index);
        var textRandom = random.Fork(1);
        var lookRandom = random.Fork(2);
        var degradeRandom = random.Fork(3);
        var sceneRandom = random.Fork(4);
        var noiseRandom = random.Fork(5);
        var clickRandom = random.Fork(6);
        // Every appearance draw has its own fork of stream 7, so the plain spec draws nothing from the others.
        var appearanceRandom = random.Fork(7);
        var a = appearance;

        var c = formats.Country(country);
        var template = TextSampler.PickTemplate(c, state, ref textRandom, a.TemplateTemper, out var issuedOverDrawn);
        var text = TextSampler.Sample(template, ref textRandom);
        if (retext is not null) text = retext(text);
        var drawn = Loosen(text, appearanceRandom);
        var (variant, style) = PickVariant(template.Plate, ref lookRandom);
        var look = PlateLook.Sample(ref lookRandom);
        var header = Header(template, style);
        look = Vary(look, header is not null, text.Compact.Length, appearanceRandom);
        look = Letter(look, text, appearanceRandom);
        if (text.Compact.Contains('I') && Chance(appearanceRandom, 51, template.Typeface.SerifI)) look = look with { SerifI = true };
        // Plates with a header (the US plates' state name) only: European layouts set their characters at the
        // standard's pitch, however short the registration.
        if (header is not null && Chance(appearanceRandom, 52, a.Spread))
        {
            var r = appearanceRandom.Fork(53);
            look = look with { Spread = Between(ref r, a.SpreadAmount) };
        }
        if (Chance(appearanceRandom, 1, a.EasyShare)) difficulty *= appearanceRandom.Fork(2).NextDouble();

        var d = spec.Sample(ref degradeRandom, difficulty);
        var boxed = Chance(appearanceRandom, 6, a.BoxFraming);
        if (boxed)
        {
            var r = appearanceRandom.Fork(13);
            d = d with { RollDeg = Between(ref r, a.BoxRollDeg) * difficulty };
        }
        // A fixed evaluation cell wins over everything drawn.
        if (fix is not null) d = fix(d);

        var projection = PlateProjection.Create(style.WidthMm, style.HeightMm, d,
            sceneRandom.Uniform(0.15, 0.9), sceneRandom.Uniform(0.15, 0.9), sceneRandom.Uniform(0.15, 0.9), sceneRandom.Uniform(0.15, 0.9),
            PixelAspect(appearanceRandom));
        raster.LumaWeights = LumaWeights(appearanceRandom.Fork(3));
        var scene = Render(projection, drawn, style, look, header, ref sceneRandom, out var layout);
        Light(scene, projection, appearanceRandom);
        Capture(scene, d, projection.Corners, appearanceRandom);
        DegradationPipeline.Apply(scene, d, projection.Corners, ref noiseRandom);
        Reencode(scene, appearanceRandom);

        var clicked = new Vector2[4];
        for (var i = 0; i < 4; i++)
        {
            clicked[i] = projection.Corners[i] + new Vector2(
                (float)(clickRandom.NextGaussian() * d.ClickErrorPx), (float)(clickRandom.NextGaussian() * d.ClickErrorPx));
        }
        if (boxed) clicked = Box(projection, appearanceRandom.Fork(7));
        else if (Chance(appearanceRandom, 35, a.TightCrop)) clicked = Tight(projection, layout, clicked, appearanceRandom.Fork(36));
        return new SyntheticPlate(text, variant, d, scene, projection.Corners, clicked) { Drawn = drawn.Text, IssuedOverDrawn = issuedOverDrawn };
    }

    /// <summary>The frame's rows stretched against its columns (appearance "squash"), log-uniformly, or 1.</summary>
    private double PixelAspect(in DeterministicRandom random)
    {
        if (!Chance(random, 56, appearance.Squash)) return 1;
        var r = random.Fork(57);
        var f = appearance.SquashFactor;
        return Math.Exp(r.Uniform(Math.Log(f[0]), Math.Log(f[1])));
    }

    /// <summary>A draw of probability <paramref name="share"/> from fork <paramref name="salt"/>; nothing drawn at 0.</summary>
    private static bool Chance(in DeterministicRandom random, ulong salt, double share)
    {
        if (share <= 0) return false;
        var r = random.Fork(salt);
        return r.NextDouble() < share;
    }

    private static double Between(ref DeterministicRandom random, double[] range) => random.Uniform(range[0], range[1]);

    /// <summary>Serials this short take the side-mark share for short serials (<see cref="AppearanceSpec.SideMarkShort"/>).</summary>
    public const int SideMarkShortLength = 5;

    private PlateLook Vary(PlateLook look, bool hasHeader, int length, in DeterministicRandom random)
    {
        var a = appearance;
        if (Chance(random, 4, a.Inverted)) look = look with { Inverted = true };
        if (Chance(random, 14, a.Pictorial))
        {
            var r = random.Fork(15);
            look = look with { PictorialSeed = r.NextUInt64() | 1 };
        }
        if (Chance(random, 16, a.Occluder))
        {
            var r = random.Fork(17);
            look = look with { OccluderSeed = r.NextUInt64() | 1 };
        }
        if (hasHeader && Chance(random, 5, a.Footer))
        {
            var r = random.Fork(8);
            look = look with { Footer = PlateLook.Footers[r.Next(PlateLook.Footers.Length)] };
        }
        // The same draw for both shares: plates of six characters or more keep the stream they had before sideMarkShort.
        if (hasHeader && Chance(random, 21, length <= SideMarkShortLength ? a.SideMarkShort : a.SideMark))
        {
            var r = random.Fork(22);
            look = look with { SideMark = SideMark.From(r.NextUInt64(), a.SideMarkStacked, a.SideMarkThree, a.SideMarkDigit, a.EmblemText) };
        }
        if (Chance(random, 49, a.FrameText))
        {
            var r = random.Fork(50);
            look = look with { FrameText = PlateLook.FrameTexts[r.Next(PlateLook.FrameTexts.Length)] };
        }
        if (hasHeader && Chance(random, 47, a.Stickers))
        {
            var r = random.Fork(48);
            look = look with { Stickers = Sticker.From(r.NextUInt64(), a.StickerSize) };
        }
        if (Chance(random, 23, a.Emboss))
        {
            var r = random.Fork(24);
            look = look with { EmbossOffset = Between(ref r, a.EmbossOffset), EmbossLight = r.Uniform(0, 2 * Math.PI) };
        }
        if (hasHeader && Chance(random, 25, a.Silhouette))
        {
            var r = random.Fork(26);
            var picture = Silhouette.From(r.NextUInt64(), a.SilhouetteSize);
            // Never on the side mark's side: the mark sits tight against the serial, the picture at the plate's edge.
            if (look.SideMark is { } mark) picture = picture with { Left = !mark.Left };
            look = look with { Silhouette = picture };
        }
        if (hasHeader && Chance(random, 27, a.Scenery))
        {
            var r = random.Fork(28);
            look = look with { Scenery = Scenery.From(r.NextUInt64()) };
        }
        if (hasHeader && Chance(random, 29, a.Lettering))
        {
            var r = random.Fork(30);
            look = look with { Lettering = Lettering.From(r.NextUInt64(), a.LetteringSize, a.LetteringSlantDeg, a.LetteringBand) };
        }
        return look;
    }

    /// <summary>The plate's lettering: another catalog typeface that has every character of the text (for the swap
    /// share), and its width, height and spacing factors.</summary>
    private PlateLook Letter(PlateLook look, PlateText text, in DeterministicRandom random)
    {
        var a = appearance;
        var r = random.Fork(18);
        look = look with { GlyphWidth = Between(ref r, a.GlyphWidth), GlyphHeight = Between(ref r, a.GlyphHeight), GlyphGap = Between(ref r, a.GlyphGap) };
        if (Chance(random, 33, a.GlyphBold))
        {
            var b = random.Fork(34);
            look = look with { GlyphWeight = Between(ref b, a.GlyphBoldness) };
        }
        if (Chance(random, 54, a.GlyphWarp))
        {
            var w = random.Fork(55);
            look = look with { GlyphWarp = Between(ref w, a.GlyphWarpAmount), GlyphWarpSeed = w.NextUInt64() };
        }
        if (!Chance(random, 19, a.TypefaceSwap)) return look;
        var pick = random.Fork(20);
        // The shipped table, not the catalog's: a researcher's added typeface leaves every other country's stream as it
        // was. Countries' typefaces and makers' faces are drawn apart, so the first keep the stream they had before the
        // makers' faces came (at makerFaces 0, every sample as it was).
        var candidates = Chance(random, 45, a.MakerFaces) ? MakerTypefaces : CountryTypefaces;
        // A few tries: a typeface without one of the plate's characters (umlauts, lower-case dies) is passed over.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var id = candidates[pick.Next(candidates.Length)].Id;
            if (id == text.Template.Typeface.Font) continue;
            PlateFont font;
            try
            {
                font = fonts.Get(id);
            }
            catch (FontUnavailableException)
            {
                continue; // a typeface whose package is not installed here: the others will do
            }
            if (text.Compact.All(font.Has)) return look with { Font = id };
        }
        return look;
    }

    /// <summary>A gapless text drawn with one space or hyphen between two of its characters, as personalised plates
    /// split their words ("NO GODS"); the compact text, the label, stays as it was.</summary>
    private PlateText Loosen(PlateText text, in DeterministicRandom random)
    {
        if (text.Compact.Length < 2 || text.Text.Any(c => c is ' ' or '-') || !Chance(random, 31, appearance.LooseGap)) return text;
        var r = random.Fork(32);
        var at = 1 + r.Next(text.Text.Length - 1);
        var gap = r.NextDouble() < appearance.LooseGapHyphen ? "-" : " ";
        return text with { Text = text.Text.Insert(at, gap) };
    }

    /// <summary>Rec. 601's weights, each scaled by 1 ± the jitter and renormalised to sum 1.</summary>
    private System.Numerics.Vector3 LumaWeights(DeterministicRandom random)
    {
        var j = appearance.LumaJitter;
        if (j <= 0) return Raster.Rec601;
        var w = Raster.Rec601 * new System.Numerics.Vector3(
            (float)random.Uniform(1 - j, 1 + j), (float)random.Uniform(1 - j, 1 + j), (float)random.Uniform(1 - j, 1 + j));
        return w / (w.X + w.Y + w.Z);
    }

    private void Light(GreyImage scene, PlateProjection projection, in DeterministicRandom random)
    {
        var a = appearance;
        var corners = projection.Corners;
        var plateHeightPx = (System.Numerics.Vector2.Distance(corners[0], corners[3]) + System.Numerics.Vector2.Distance(corners[1], corners[2])) / 2;
        if (Chance(random, 9, a.Shadow))
        {
            var r = random.Fork(10);
            SceneLight.Shadow(scene, corners, r.Uniform(0.1, 0.9), r.Uniform(0.1, 0.9), r.Uniform(0, 2 * Math.PI),
                Between(ref r, a.ShadowDepth), r.Uniform(0, 0.1) * plateHeightPx);
        }
        if (Chance(random, 11, a.Glare))
        {
            var r = random.Fork(12);
            SceneLight.Glare(scene, corners, r.Uniform(0, 1), r.Uniform(0, 1), r.Uniform(0.15, 0.6) * plateHeightPx, Between(ref r, a.GlareStrength));
        }
    }

    /// <summary>What the camera adds before its noise: a plate glowing in the flash, light falling off towards the
    /// frame's edges, interlaced rows (the bloom and the comb scale with the plate's width, so they look alike at
    /// every resolution).</summary>
    private void Capture(GreyImage scene, Degradations d, ReadOnlySpan<Vector2> corners, in DeterministicRandom random)
    {
        var a = appearance;
        if (Chance(random, 43, a.Overexposed))
        {
            var r = random.Fork(44);
            new Overexposure(Between(ref r, a.OverexposureGain), r.Uniform(0.003, 0.015) * d.WidthPx).Apply(scene, corners);
        }
        if (Chance(random, 37, a.Vignette))
        {
            var r = random.Fork(38);
            new Vignette(Between(ref r, a.VignetteStrength), r.Uniform(0.3, 0.7), r.Uniform(0.3, 0.7)).Apply(scene);
        }
        if (Chance(random, 39, a.Interlace))
        {
            var r = random.Fork(40);
            new Interlace(Between(ref r, a.InterlaceShift) * d.WidthPx).Apply(scene);
        }
    }

    /// <summary>A second JPEG encoding after the camera's, its blocks out of line with the first.</summary>
    private void Reencode(GreyImage scene, in DeterministicRandom random)
    {
        if (!Chance(random, 41, appearance.Recompress)) return;
        var r = random.Fork(42);
        new Recompression((int)Math.Round(Between(ref r, appearance.RecompressQuality)), r.Next(8), r.Next(8)).Apply(scene);
    }

    /// <summary>A loose axis-aligned box around the plate (its true corners' bounds), each side pushed out by its
    /// own margin, kept inside the scene: corners as a detector or a quick drag gives them.</summary>
    private System.Numerics.Vector2[] Box(PlateProjection projection, DeterministicRandom random)
    {
        var c = projection.Corners;
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        foreach (var p in c)
        {
            (minX, minY, maxX, maxY) = (Math.Min(minX, p.X), Math.Min(minY, p.Y), Math.Max(maxX, p.X), Math.Max(maxY, p.Y));
        }
        var w = (System.Numerics.Vector2.Distance(c[0], c[1]) + System.Numerics.Vector2.Distance(c[3], c[2])) / 2;
        var h = (System.Numerics.Vector2.Distance(c[0], c[3]) + System.Numerics.Vector2.Distance(c[1], c[2])) / 2;
        var a = appearance;
        var left = Math.Max(0, minX - (float)(Between(ref random, a.BoxMarginX) * w));
        var right = Math.Min(projection.SceneWidth, maxX + (float)(Between(ref random, a.BoxMarginX) * w));
        var top = Math.Max(0, minY - (float)(Between(ref random, a.BoxMarginY) * h));
        var bottom = Math.Min(projection.SceneHeight, maxY + (float)(Between(ref random, a.BoxMarginY) * h));
        return [new(left, top), new(right, top), new(right, bottom), new(left, bottom)];
    }

    /// <summary>Corners on the characters alone (a crop a data set or a user drew round the text, leaving out the
    /// band, the border and the header): the characters' rectangle on the plate, each side moved out by its own
    /// share of the character height (a negative share cuts into the characters), through the plate's perspective,
    /// with the same click error as the plate's corners.</summary>
    private System.Numerics.Vector2[] Tight(PlateProjection projection, PlateLayout layout, System.Numerics.Vector2[] clicked, DeterministicRandom random)
    {
        var (left, top, right, bottom) = layout.TextBox;
        var m = layout.CharHeightMm;
        var a = appearance;
        left -= Between(ref random, a.TightMargin) * m;
        right += Between(ref random, a.TightMargin) * m;
        top -= Between(ref random, a.TightMargin) * m;
        bottom += Between(ref random, a.TightMargin) * m;
        System.Numerics.Vector2[] box = [projection.Matrix.Apply(left, top), projection.Matrix.Apply(right, top), projection.Matrix.Apply(right, bottom), projection.Matrix.Apply(left, bottom)];
        for (var i = 0; i < 4; i++) box[i] += clicked[i] - projection.Corners[i];
        return box;
    }

    /// <summary>The flat plate, <paramref name="pxPerMm"/> pixels per millimetre, in colour (specimen sheets); the caller owns the bitmap.</summary>
    public SKBitmap RenderFlat(PlateText text, PlateStyle style, double pxPerMm, PlateLook? look = null)
    {
        var flat = new Raster((int)Math.Ceiling(style.WidthMm * pxPerMm), (int)Math.Ceiling(style.HeightMm * pxPerMm), 3);
        flat.Fill(SKColors.White);
        var header = Header(text.Template, style);
        renderer.Draw(flat, Projective.Scale(pxPerMm, pxPerMm), text, style, look ?? PlateLook.Clean, header);
        return flat.ToBitmap();
    }

    /// <summary>The text above the characters the style asks for, or null.</summary>
    private string? Header(PlateTemplate template, PlateStyle style) =>
        style.Header == HeaderKind.StateName && template.State is { } state ? formats.Country(template.Country).State(state).Name : null;

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

    private GreyImage Render(PlateProjection projection, PlateText text, PlateStyle style, PlateLook look, string? header, ref DeterministicRandom random,
        out PlateLayout layout)
    {
        raster.Resize(projection.SceneWidth, projection.SceneHeight);
        DrawSurroundings(raster, ref random);
        layout = renderer.Draw(raster, projection.Matrix, text, style, look, header);
        if (random.NextDouble() < 0.3) DrawFrame(raster, projection.Matrix, style, look.FrameText, ref random);
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
    // name would go (<paramref name="text"/>, when the look has one). The plate's characters keep their margins, so
    // the frame never covers them.
    private void DrawFrame(Raster scene, Projective plateToScene, PlateStyle style, string? text, ref DeterministicRandom random)
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
        if (text is not null && bottom > rim)
        {
            // Light letters on a dark frame, dark ones on chrome, in the bar below the plate's edge.
            var ink = shade < 100 ? (byte)230 : (byte)30;
            var bar = bottom + bottomCover;
            renderer.DrawText(scene, plateToScene, text, w / 2, h - bottomCover + bar / 2, bar * 0.6, w * 0.7, new SKColor(ink, ink, ink));
        }
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
