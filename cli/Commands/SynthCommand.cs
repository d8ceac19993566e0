using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using DeepPlate.Formats;
using DeepPlate.Synth;
using SkiaSharp;

namespace DeepPlate.Cli.Commands;

/// <summary>
/// <c>deepplate synth</c>: writes synthetic plates as PNG scenes, a labels file (JSON lines: text, template, corners,
/// every degradation parameter) and a contact sheet. Fixed degradations override the sampled ones.
/// </summary>
public static class SynthCommand
{
    /// <summary>Settings of one synth run; null fixes nothing and leaves the value to the degradation spec.</summary>
    /// <param name="Snr">Fixed SNR; <see cref="Fixed{T}.None"/>: no noise at all.</param>
    /// <param name="Jpeg">Fixed JPEG quality; <see cref="Fixed{T}.None"/>: no JPEG step at all.</param>
    public sealed record Settings(
        string Country, string? State, int Count, string Out, ulong Seed, double Difficulty,
        double? Width, Fixed<double>? Snr, Fixed<int>? Jpeg, double? Blur, double? Motion, double? Angle,
        IReadOnlyList<string> FontSpecs)
    {
        /// <summary>'default' (what training draws from), 'plain', or an appearance spec file.</summary>
        public string Appearance { get; init; } = "default";
    }

    /// <summary>
    /// A degradation step fixed on the command line to a value, or to none (the step left out): unlike the other
    /// parameters, noise and JPEG can be absent, and "absent" must not be confused with "not fixed".
    /// </summary>
    public readonly record struct Fixed<T>(T? Value) where T : struct
    {
        public static Fixed<T> None => default;

        public static implicit operator Fixed<T>(T value) => new(value);

        public override string ToString() => Value?.ToString() ?? "none";
    }

    public static Command Create()
    {
        var country = new Option<string>("--country") { Description = $"Country code ({CountryCodes.ListDefault()}).", Required = true };
        var state = new Option<string?>("--state") { Description = "US state (postal code); default: states by weight." };
        var count = new Option<int>("--count") { Description = "How many plates.", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder.", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the sample stream.", DefaultValueFactory = _ => 1 };
        var difficulty = new Option<double>("--difficulty") { Description = "0 = the spec's easy values, 1 = its full ranges.", DefaultValueFactory = _ => 1 };
        var width = new Option<double?>("--width") { Description = "Fixed plate width in pixels." };
        var snr = new Option<Fixed<double>?>("--snr")
        {
            Description = "Fixed SNR in dB, or 'none' for no noise.",
            CustomParser = r => ParseFixed(r, "--snr", v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)),
        };
        var jpeg = new Option<Fixed<int>?>("--jpeg")
        {
            Description = "Fixed JPEG quality (1-100), or 'none' for no JPEG.",
            CustomParser = r => ParseFixed(r, "--jpeg", v => int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture)),
        };
        var blur = new Option<double?>("--blur") { Description = "Fixed Gaussian blur sigma in pixels." };
        var motion = new Option<double?>("--motion") { Description = "Fixed motion blur length in pixels." };
        var angle = new Option<double?>("--angle") { Description = "Fixed motion blur angle in degrees." };
        var font = new Option<string[]>("--font") { Description = "Use your own font file for a font id: id=/path/font.ttf (repeatable).", AllowMultipleArgumentsPerToken = false };
        var appearance = new Option<string>("--appearance") { Description = "How much plates vary beyond the camera: 'default' (synth/appearance.jsonc, what training draws from), 'plain', or a file.", DefaultValueFactory = _ => "default" };
        var command = new Command("synth", "Writes synthetic degraded plates with labels and a contact sheet.")
        {
            country, state, count, output, seed, difficulty, width, snr, jpeg, blur, motion, angle, font, appearance,
            CreateSpecimens(),
        };
        command.SetAction(r =>
        {
            try
            {
                var settings = new Settings(r.GetValue(country)!, r.GetValue(state), r.GetValue(count), r.GetValue(output)!,
                    r.GetValue(seed), r.GetValue(difficulty), r.GetValue(width), r.GetValue(snr), r.GetValue(jpeg),
                    r.GetValue(blur), r.GetValue(motion), r.GetValue(angle), r.GetValue(font) ?? []) { Appearance = r.GetValue(appearance)! };
                Run(settings, Console.Out);
                return 0;
            }
            catch (Exception e) when (Unwrap(e) is ArgumentException or FormatException or IOException or FontUnavailableException or FormatFileException)
            {
                Console.Error.WriteLine($"error: {Unwrap(e).Message}");
                return 2;
            }
        });
        return command;
    }

    private static Fixed<T>? ParseFixed<T>(ArgumentResult result, string name, Func<string, T> parse) where T : struct
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (string.Equals(token, "none", StringComparison.OrdinalIgnoreCase)) return Fixed<T>.None;
        try
        {
            return parse(token ?? "");
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            result.AddError($"{name}: '{token}' is neither a number nor 'none'");
            return null;
        }
    }

    /// <summary>
    /// <c>deepplate synth specimens</c>: one specimen sheet per country (every character, one flat plate per template),
    /// as <c>&lt;out&gt;/&lt;country&gt;.png</c>; the sheets in docs/specimens/ are made with it.
    /// </summary>
    private static Command CreateSpecimens()
    {
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("docs", "specimens") };
        var countries = new Option<string[]>("--country") { Description = $"Country code ({CountryCodes.ListDefault()}), repeatable; default: every country.", AllowMultipleArgumentsPerToken = false };
        var font = new Option<string[]>("--font") { Description = "Use your own font file for a font id: id=/path/font.ttf (repeatable).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("specimens", "Writes a specimen sheet per country: every character and one plate per template.") { output, countries, font };
        command.SetAction(r =>
        {
            try
            {
                RunSpecimens(r.GetValue(output)!, r.GetValue(countries) ?? [], r.GetValue(font) ?? [], Console.Out);
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or FontUnavailableException or UnknownCountryException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>Writes <c>&lt;out&gt;/&lt;country&gt;.png</c> for each country (every country when none is given).</summary>
    public static void RunSpecimens(string output, IReadOnlyList<string> countries, IReadOnlyList<string> fontSpecs, TextWriter log)
    {
        var formats = FormatRegistry.Default;
        var codes = countries.Count > 0 ? [.. countries.Select(c => formats.Country(c).Code)] : formats.Countries.Select(c => c.Code).ToList();
        using var fonts = FontCatalog.FromSpecs(fontSpecs);
        foreach (var code in codes)
        {
            var path = Path.Combine(output, $"{code}.png");
            var bytes = SpecimenSheet.SavePng(formats, fonts, code, path);
            log.WriteLine($"{path}: {bytes / 1024} KB");
        }
    }

    // Parallel.For wraps what a sample threw; the user wants the first cause.
    private static Exception Unwrap(Exception e) => e is AggregateException a ? a.Flatten().InnerExceptions[0] : e;

    public static void Run(Settings s, TextWriter log)
    {
        if (s.Count <= 0) throw new ArgumentException("--count must be at least 1");
        if (s.Jpeg?.Value is < 1 or > 100) throw new ArgumentException("--jpeg must be 1-100");
        if (s.Width is < 4 or > 2000) throw new ArgumentException("--width must be 4-2000 pixels");
        var formats = FormatRegistry.Default;
        var country = formats.Country(s.Country);
        if (s.State is not null) country.State(s.State);
        using var fonts = FontCatalog.FromSpecs(s.FontSpecs);
        var spec = DegradationSpec.Default;
        var appearance = AppearanceSpec.Resolve(s.Appearance);
        var images = Path.Combine(s.Out, "images");
        Directory.CreateDirectory(images);

        Degradations Fix(Degradations d) => d with
        {
            WidthPx = s.Width ?? d.WidthPx,
            SnrDb = s.Snr is { } snr ? snr.Value : d.SnrDb,
            JpegQuality = s.Jpeg is { } jpeg ? jpeg.Value : d.JpegQuality,
            BlurSigmaPx = s.Blur ?? d.BlurSigmaPx,
            MotionLengthPx = s.Motion ?? d.MotionLengthPx,
            MotionAngleDeg = s.Angle ?? d.MotionAngleDeg,
        };

        var labels = new string[s.Count];
        var sheetCount = Math.Min(s.Count, 48);
        var sheet = new (SKBitmap, string)[sheetCount];
        using var generators = new ThreadLocal<PlateGenerator>(() => new PlateGenerator(formats, fonts, spec, appearance), trackAllValues: true);
        Parallel.For(0, s.Count, i =>
        {
            using var sample = generators.Value!.Generate(country.Code, s.State, s.Seed, i, s.Difficulty, Fix);
            var name = $"{i:D6}.png";
            GreyImageIO.SavePng(sample.Scene, Path.Combine(images, name));
            labels[i] = JsonSerializer.Serialize(Label.Of($"images/{name}", sample), LabelJson.Options);
            if (i < sheetCount)
            {
                var d = sample.Degradations;
                sheet[i] = (GreyImageIO.ToBitmap(sample.Scene),
                    $"{sample.Drawn}  [{sample.Text.Template.QualifiedId}]\nW {d.WidthPx:F0}  SNR {(d.SnrDb is { } n ? n.ToString("F0", CultureInfo.InvariantCulture) : "-")}  Q {(d.JpegQuality?.ToString(CultureInfo.InvariantCulture) ?? "-")}");
            }
        });
        foreach (var g in generators.Values) g.Dispose();

        File.WriteAllLines(Path.Combine(s.Out, "labels.jsonl"), labels);
        using (var contact = ContactSheet.Render(sheet))
        {
            GreyImageIO.SavePng(contact, Path.Combine(s.Out, "contact-sheet.png"));
        }
        foreach (var (bitmap, _) in sheet) bitmap.Dispose();
        log.WriteLine($"wrote {s.Count} plates of {country.Name} to {s.Out} (images/, labels.jsonl, contact-sheet.png)");
    }

    /// <summary>One line of labels.jsonl.</summary>
    public sealed record Label(string File, string Text, string Compact, string Template, string? State, string Variant,
        float[][] Corners, float[][] Clicked, Degradations Degradations)
    {
        public static Label Of(string file, SyntheticPlate p) => new(file, p.Text.Text, p.Text.Compact, p.Text.Template.QualifiedId,
            p.Text.Template.State, p.Variant, [.. p.Corners.Select(c => new[] { c.X, c.Y })], [.. p.Clicked.Select(c => new[] { c.X, c.Y })], p.Degradations);
    }

    private static class LabelJson
    {
        public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    }
}
