using DeepPlate.Formats;
using SkiaSharp;

namespace DeepPlate.Synth.Tests.ReferenceImages;

/// <summary>
/// Renders a few fixed samples per country and compares them with the committed reference PNGs beside this file,
/// with a tolerance for floating-point differences between machines: the mean absolute difference must stay under
/// <see cref="MaxMeanDifference"/> and at most <see cref="MaxFarShare"/> of the values may differ by more than
/// <see cref="FarDifference"/> (8-bit codes). A failure writes the actual image and a difference image and names them.
/// </summary>
/// <remarks>
/// The references are made by this test itself, run with DEEPPLATE_WRITE_REFERENCES=1:
/// <c>DEEPPLATE_WRITE_REFERENCES=1 dotnet test tests/DeepPlate.Synth.Tests --filter ReferenceImage</c>. Do that only
/// after a deliberate change to how plates look, look at every image it wrote, and say why in the commit; never to
/// make a failing test pass.
/// </remarks>
public sealed class ReferenceImageTests
{
    public const string WriteVariable = "DEEPPLATE_WRITE_REFERENCES";

    private const double MaxMeanDifference = 1.0;
    private const int FarDifference = 24;
    private const double MaxFarShare = 0.005;

    /// <summary>The fixed stream the reference scenes come from.</summary>
    private const ulong Seed = 20251125;

    private static readonly FontCatalog Fonts = new(useEnvironment: false);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var country in FormatRegistry.Default.Countries)
        {
            foreach (var kind in new[] { "flat", "scene-mild", "scene-hard", "scene-varied" }) data.Add(country.Code, kind);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_sample_matches_its_reference_image(string country, string kind)
    {
        var name = $"{country}-{kind}.png";
        using var actual = Render(country, kind);
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            var path = Path.Combine(SourceFolder(), name);
            GreyImageIO.SavePng(actual, path);
            return;
        }

        var referencePath = Path.Combine(AppContext.BaseDirectory, "ReferenceImages", name);
        Assert.True(File.Exists(referencePath), $"no reference image {name}: make it with {WriteVariable}=1 (see ReferenceImageTests)");
        using var expected = Decode(File.ReadAllBytes(referencePath));
        using var got = Decode(Encode(actual));
        var (mean, far, total) = Compare(expected, got);
        if ((expected.Width, expected.Height) == (got.Width, got.Height) && mean <= MaxMeanDifference && far <= MaxFarShare * total) return;

        var outDir = Path.Combine(Path.GetTempPath(), "deepplate-reference-actual");
        Directory.CreateDirectory(outDir);
        var actualPath = Path.Combine(outDir, name);
        File.WriteAllBytes(actualPath, Encode(actual));
        var diffPath = Path.Combine(outDir, Path.GetFileNameWithoutExtension(name) + "-diff.png");
        if ((expected.Width, expected.Height) == (got.Width, got.Height))
        {
            using var diff = Difference(expected, got);
            GreyImageIO.SavePng(diff, diffPath);
        }
        Assert.Fail($"{name} differs from its reference tests/DeepPlate.Synth.Tests/ReferenceImages/{name}: size {got.Width}x{got.Height} vs {expected.Width}x{expected.Height}, " +
            $"mean |difference| {mean:F2} codes (at most {MaxMeanDifference}), {far} of {total} values off by more than {FarDifference} " +
            $"(at most {MaxFarShare:P1}). Actual image: {actualPath}; difference (x4): {diffPath}");
    }

    /// <summary>
    /// flat: the first template's example, clean, in colour, 0.5 px/mm. scene-mild: a 120-px plate at difficulty 0.3;
    /// scene-hard: the full degradation ranges at a plate width of 60 px (grey scenes with noise and JPEG).
    /// scene-varied: the mild scene with the appearance steps forced on (<see cref="Varied"/>).
    /// </summary>
    private static SKBitmap Render(string country, string kind)
    {
        var formats = FormatRegistry.Default;
        using var generator = new PlateGenerator(formats, Fonts, DegradationSpec.Default);
        if (kind == "flat")
        {
            var template = SpecimenSheet.Templates(formats.Country(country))[0];
            return generator.RenderFlat(SpecimenSheet.ExampleText(formats, template), template.Plate, 0.5);
        }
        if (kind == "scene-varied")
        {
            using var varied = new PlateGenerator(formats, Fonts, DegradationSpec.Default, Varied);
            using var v = varied.Generate(country, null, Seed, 3, difficulty: 0.3, fix: d => d with { WidthPx = 120 });
            return GreyImageIO.ToBitmap(v.Scene);
        }
        using var sample = kind == "scene-mild"
            ? generator.Generate(country, null, Seed, 1, difficulty: 0.3, fix: d => d with { WidthPx = 120 })
            : generator.Generate(country, null, Seed, 2, difficulty: 1, fix: d => d with { WidthPx = 60 });
        return GreyImageIO.ToBitmap(sample.Scene);
    }

    /// <summary>The shipped appearance ranges with every step that draws into the scene certain to happen (shadow,
    /// glare, a footer under a header, pictorial shapes, another typeface with scaled lettering, channel mixing), so
    /// their drawing code is pinned down by a reference. The steps added after the references were made (emboss,
    /// silhouettes, scenery, varied lettering, loose gaps, bold characters, tempered template draws, tight crops, the
    /// camera steps, makers' faces, short serials' side marks, stickers, frame texts) are off here, so
    /// these references stay as they were; AppearanceGenerationTests and RegistryTests cover them.</summary>
    private static readonly AppearanceSpec Varied = AppearanceSpec.Default with
    {
        Shadow = 1, Glare = 1, Footer = 1, Pictorial = 1, TypefaceSwap = 1, EasyShare = 0, Inverted = 0, Occluder = 0, SideMark = 0,
        Emboss = 0, Silhouette = 0, Scenery = 0, Lettering = 0, LooseGap = 0, GlyphBold = 0, TemplateTemper = 1,
        TightCrop = 0, Overexposed = 0, Vignette = 0, Interlace = 0, Recompress = 0, MakerFaces = 0, SideMarkShort = 0, Stickers = 0, FrameText = 0, GlyphWarp = 0,
    };

    private static byte[] Encode(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Any PNG as RGBA, so grey and colour compare alike.</summary>
    private static SKBitmap Decode(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidDataException("not a PNG");
        var rgba = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.True(decoded.CopyTo(rgba, SKColorType.Rgba8888));
        return rgba;
    }

    private static (double Mean, long Far, long Total) Compare(SKBitmap a, SKBitmap b)
    {
        if ((a.Width, a.Height) != (b.Width, b.Height)) return (double.PositiveInfinity, long.MaxValue, 0);
        var pa = a.GetPixelSpan();
        var pb = b.GetPixelSpan();
        long sum = 0, far = 0, total = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width * 4; x++)
            {
                if (x % 4 == 3) continue;
                var d = Math.Abs(pa[y * a.RowBytes + x] - pb[y * b.RowBytes + x]);
                sum += d;
                if (d > FarDifference) far++;
                total++;
            }
        }
        return ((double)sum / total, far, total);
    }

    private static SKBitmap Difference(SKBitmap a, SKBitmap b)
    {
        var diff = new SKBitmap(new SKImageInfo(a.Width, a.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var pa = a.GetPixelSpan();
        var pb = b.GetPixelSpan();
        var pd = diff.GetPixelSpan();
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                var worst = 0;
                for (var c = 0; c < 3; c++) worst = Math.Max(worst, Math.Abs(pa[y * a.RowBytes + 4 * x + c] - pb[y * b.RowBytes + 4 * x + c]));
                pd[y * diff.RowBytes + x] = (byte)Math.Min(255, 4 * worst);
            }
        }
        return diff;
    }

    /// <summary>This folder in the source tree (where references are written), found upwards from the binaries.</summary>
    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DeepPlate.Synth.Tests.csproj"))) return Path.Combine(dir.FullName, "ReferenceImages");
        }
        throw new DirectoryNotFoundException("the source folder of DeepPlate.Synth.Tests was not found above " + AppContext.BaseDirectory);
    }
}
