using System.Text.Json;
using System.Text.Json.Serialization;
using DeepPlate.Formats;

namespace DeepPlate.Synth;

/// <summary>
/// How much synthetic plates vary beyond the camera degradations: framing, colours, shadows, glare, extra text and
/// the share of easy plates (synth/appearance.jsonc says why each value is what it is). <see cref="Plain"/> turns it
/// all off: the generator as it was before, which the evaluation grid and the reference images keep using.
/// </summary>
public sealed record AppearanceSpec
{
    public const string FileName = "appearance.jsonc";

    public double BoxFraming { get; init; }
    public double[] BoxMarginX { get; init; } = [0, 0];
    public double[] BoxMarginY { get; init; } = [0, 0];
    public double[] BoxRollDeg { get; init; } = [0, 0];
    public double TightCrop { get; init; }
    public double[] TightMargin { get; init; } = [0, 0];
    public double Inverted { get; init; }
    public double LumaJitter { get; init; }
    public double Shadow { get; init; }
    public double[] ShadowDepth { get; init; } = [0, 0];
    public double Glare { get; init; }
    public double[] GlareStrength { get; init; } = [0, 0];
    public double Overexposed { get; init; }
    public double[] OverexposureGain { get; init; } = [1, 1];
    public double Vignette { get; init; }
    public double[] VignetteStrength { get; init; } = [0, 0];
    public double Interlace { get; init; }
    public double[] InterlaceShift { get; init; } = [0, 0];
    public double Recompress { get; init; }
    public double[] RecompressQuality { get; init; } = [90, 90];
    public double Squash { get; init; }
    public double[] SquashFactor { get; init; } = [1, 1];
    public double EasyShare { get; init; }
    public double TemplateTemper { get; init; } = 1;
    public double Footer { get; init; }
    public double SideMark { get; init; }
    public double SideMarkShort { get; init; }
    public double SideMarkStacked { get; init; }
    public double SideMarkThree { get; init; }
    public double SideMarkDigit { get; init; }
    public double EmblemText { get; init; }
    public double Stickers { get; init; }
    public double FrameText { get; init; }
    public double[] StickerSize { get; init; } = [0.1, 0.1];
    public double Emboss { get; init; }
    public double[] EmbossOffset { get; init; } = [0, 0];
    public double Silhouette { get; init; }
    public double[] SilhouetteSize { get; init; } = [1, 1];
    public double Scenery { get; init; }
    public double Lettering { get; init; }
    public double[] LetteringSize { get; init; } = [0.12, 0.12];
    public double[] LetteringSlantDeg { get; init; } = [0, 0];
    public double LetteringBand { get; init; }
    public double LooseGap { get; init; }
    public double LooseGapHyphen { get; init; }
    public double Pictorial { get; init; }
    public double Occluder { get; init; }
    public double TypefaceSwap { get; init; }
    public double MakerFaces { get; init; }
    public double[] GlyphWidth { get; init; } = [1, 1];
    public double[] GlyphHeight { get; init; } = [1, 1];
    public double[] GlyphGap { get; init; } = [1, 1];
    public double GlyphBold { get; init; }
    public double[] GlyphBoldness { get; init; } = [0, 0];
    public double Spread { get; init; }
    public double[] SpreadAmount { get; init; } = [0, 0];
    public double GlyphWarp { get; init; }
    public double[] GlyphWarpAmount { get; init; } = [0, 0];

    /// <summary>Nothing varies: the plain generator.</summary>
    public static readonly AppearanceSpec Plain = new();

    private static readonly Lazy<AppearanceSpec> DefaultSpec = new(() => Load(Path.Combine(AppContext.BaseDirectory, FileName)));

    /// <summary>The spec beside the binaries (synth/appearance.jsonc): what training draws from.</summary>
    public static AppearanceSpec Default => DefaultSpec.Value;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>"plain" or a file.</summary>
    /// <exception cref="FormatFileException">Missing file, bad JSON, an unknown or missing key, a value out of range.</exception>
    public static AppearanceSpec Resolve(string nameOrFile) => nameOrFile switch
    {
        "plain" => Plain,
        "default" => Default,
        _ => Load(nameOrFile),
    };

    public static AppearanceSpec Load(string path)
    {
        if (!File.Exists(path)) throw new FormatFileException(path, "", "the appearance spec is missing");
        return Parse(File.ReadAllText(path), path);
    }

    public static AppearanceSpec Parse(string json, string file)
    {
        AppearanceSpec spec;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var keys = typeof(AppearanceSpec).GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
            foreach (var key in keys)
            {
                if (!doc.RootElement.TryGetProperty(key, out _)) throw new FormatFileException(file, key, "is required");
            }
            spec = JsonSerializer.Deserialize<AppearanceSpec>(json, Options) ?? throw new FormatFileException(file, "", "empty");
        }
        catch (JsonException e)
        {
            throw new FormatFileException(file, "", $"not a valid appearance spec: {e.Message}");
        }
        spec.Check(file);
        return spec;
    }

    private void Check(string file)
    {
        foreach (var (key, share) in new[] { ("boxFraming", BoxFraming), ("tightCrop", TightCrop), ("inverted", Inverted), ("shadow", Shadow), ("glare", Glare), ("overexposed", Overexposed), ("vignette", Vignette), ("interlace", Interlace), ("recompress", Recompress), ("squash", Squash), ("easyShare", EasyShare), ("footer", Footer), ("sideMark", SideMark), ("sideMarkShort", SideMarkShort), ("sideMarkStacked", SideMarkStacked),
            ("sideMarkThree", SideMarkThree), ("sideMarkDigit", SideMarkDigit), ("emblemText", EmblemText), ("stickers", Stickers), ("frameText", FrameText), ("emboss", Emboss), ("silhouette", Silhouette), ("scenery", Scenery),
            ("lettering", Lettering), ("letteringBand", LetteringBand), ("looseGap", LooseGap), ("looseGapHyphen", LooseGapHyphen), ("pictorial", Pictorial), ("occluder", Occluder), ("typefaceSwap", TypefaceSwap), ("makerFaces", MakerFaces), ("glyphBold", GlyphBold), ("spread", Spread), ("glyphWarp", GlyphWarp) })
        {
            if (share is < 0 or > 1) throw new FormatFileException(file, key, $"a share runs from 0 to 1, not {share}");
        }
        if (TemplateTemper is <= 0 or > 1) throw new FormatFileException(file, "templateTemper", $"a power above 0 and at most 1, not {TemplateTemper}");
        if (LumaJitter is < 0 or >= 1) throw new FormatFileException(file, "lumaJitter", "runs from 0 to below 1");
        foreach (var (key, range) in new[] { ("glyphWidth", GlyphWidth), ("glyphHeight", GlyphHeight), ("glyphGap", GlyphGap) })
        {
            if (range.Length != 2 || range[0] <= 0 || range[1] < range[0] || range[1] > 3)
            {
                throw new FormatFileException(file, key, "expected [low, high] with 0 < low <= high <= 3 (a factor on the typeface)");
            }
        }
        foreach (var (key, range, min, max) in new (string, double[], double, double)[]
        {
            ("boxMarginX", BoxMarginX, 0, 2.0), ("boxMarginY", BoxMarginY, 0, 2.0), ("boxRollDeg", BoxRollDeg, -45, 45), ("tightMargin", TightMargin, -0.2, 1),
            ("shadowDepth", ShadowDepth, 0, 1.0), ("glareStrength", GlareStrength, 0, 1.0), ("overexposureGain", OverexposureGain, 1, 10),
            ("vignetteStrength", VignetteStrength, 0, 0.9), ("interlaceShift", InterlaceShift, 0, 0.1), ("recompressQuality", RecompressQuality, 1, 100),
            ("squashFactor", SquashFactor, 0.25, 4),
            ("embossOffset", EmbossOffset, 0, 0.1), ("stickerSize", StickerSize, 0.02, 0.3), ("glyphBoldness", GlyphBoldness, 0, 0.08), ("silhouetteSize", SilhouetteSize, 0, 2.0), ("letteringSize", LetteringSize, 0, 0.35),
            ("letteringSlantDeg", LetteringSlantDeg, 0, 30.0), ("spreadAmount", SpreadAmount, 0, 1.0), ("glyphWarpAmount", GlyphWarpAmount, 0, 0.15),
        })
        {
            if (range.Length != 2 || range[0] < min || range[1] < range[0] || range[1] > max)
            {
                throw new FormatFileException(file, key, $"expected [low, high] with {min} <= low <= high <= {max}");
            }
        }
    }
}
