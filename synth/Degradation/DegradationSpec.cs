using System.Text.Json;
using DeepPlate.Formats;

namespace DeepPlate.Synth;

/// <summary>How a range is drawn: uniformly, or uniformly in the logarithm (every doubling equally likely).</summary>
public enum RangeDistribution
{
    Uniform,
    LogUniform,
}

/// <summary>
/// The range of one field of <see cref="Degradations"/>, as written in the degradation spec: the full range
/// [<see cref="Min"/>, <see cref="Max"/>] reached at difficulty 1, the mild value <see cref="Easy"/> taken at
/// difficulty 0, and for the optional steps the probability <see cref="None"/> of leaving the step out.
/// </summary>
public sealed record DegradationRange(
    string Key,
    RangeDistribution Distribution,
    double Min,
    double Max,
    double Easy,
    double? None,
    bool RelativeToWidth,
    bool IsInteger)
{
    /// <summary>
    /// The sub-stream salt of this field, from its name: adding a field to the spec leaves the values every other
    /// field draws for a given (seed, index) unchanged. FNV-1a, because string.GetHashCode changes per process.
    /// </summary>
    internal ulong Salt { get; } = Fnv1a(Key);

    /// <summary>
    /// The range at <paramref name="difficulty"/>: from <see cref="Easy"/> (0) linearly towards both ends (1), in
    /// the logarithm for a log-uniform range, so that halfway through a curriculum the width range reaches halfway
    /// in ratio (100 to 32 px of 10..200) rather than halfway in pixels (100 to 55 px), which would leave the
    /// small plates that matter to the last moment.
    /// </summary>
    public (double Low, double High) At(double difficulty)
    {
        CheckDifficulty(difficulty);
        // The end points exactly, without the rounding of exp(log(x)), so that draws stay inside [Min, Max].
        if (difficulty == 0) return (Easy, Easy);
        if (difficulty == 1) return (Min, Max);
        if (Distribution == RangeDistribution.LogUniform)
        {
            var e = Math.Log(Easy);
            return (Math.Exp(e + difficulty * (Math.Log(Min) - e)), Math.Exp(e + difficulty * (Math.Log(Max) - e)));
        }
        return (Easy + difficulty * (Min - Easy), Easy + difficulty * (Max - Easy));
    }

    /// <summary>One value at <paramref name="difficulty"/> (never "none": see <see cref="DegradationSpec.Sample"/>).</summary>
    public double Draw(ref DeterministicRandom random, double difficulty)
    {
        var (low, high) = At(difficulty);
        if (IsInteger)
        {
            var lo = (int)Math.Round(low);
            var hi = (int)Math.Round(high);
            if (Distribution == RangeDistribution.Uniform) return random.NextInclusive(lo, hi);
            return Math.Clamp(Math.Round(DrawContinuous(ref random, low, high)), lo, hi);
        }
        return DrawContinuous(ref random, low, high);
    }

    private double DrawContinuous(ref DeterministicRandom random, double low, double high)
    {
        // A collapsed range draws nothing: difficulty 0 gives Easy bit for bit.
        if (low == high) return low;
        var x = Distribution == RangeDistribution.LogUniform
            ? Math.Exp(random.Uniform(Math.Log(low), Math.Log(high)))
            : random.Uniform(low, high);
        return Math.Clamp(x, low, high);
    }

    internal static void CheckDifficulty(double difficulty)
    {
        if (!(difficulty >= 0 && difficulty <= 1))
            throw new ArgumentOutOfRangeException(nameof(difficulty), difficulty, "difficulty runs from 0 (easy) to 1 (full ranges)");
    }

    private static ulong Fnv1a(string s)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in s)
        {
            h ^= c;
            h *= 0x100000001B3UL;
        }
        return h;
    }
}

/// <summary>
/// The degradation spec (<c>synth/degradations.jsonc</c>): for every field of <see cref="Degradations"/> the range
/// it is drawn from. <see cref="Sample"/> draws the degradations of one training sample; evaluation grid cells are
/// built by callers from <see cref="Easy"/> or <see cref="Degradations.Clean"/> with <c>with</c> expressions.
/// </summary>
public sealed class DegradationSpec
{
    /// <summary>The spec's file name, beside the binaries (copied there by the synth project).</summary>
    public const string FileName = "degradations.jsonc";

    /// <summary>The keys of the spec, in the order of the fields of <see cref="Degradations"/>.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "widthPx", "yawDeg", "pitchDeg", "rollDeg", "blurSigmaPx", "motionLengthPx", "motionAngleDeg", "brightness",
        "contrast", "gamma", "unevenLight", "unevenLightAngleDeg", "snrDb", "jpegQuality", "clickErrorPx",
    ];

    // Fields whose step can be left out ("none"); their Degradations fields are nullable.
    private static readonly HashSet<string> Optional = ["snrDb", "jpegQuality"];

    // Physical limits, independent of taste: a width, a gamma and a contrast must be positive; a blur, a motion, an
    // uneven-light amplitude and a click error cannot be negative; more than 1 of uneven light makes light negative.
    private static readonly HashSet<string> Positive = ["widthPx", "contrast", "gamma"];
    private static readonly HashSet<string> NonNegative = ["blurSigmaPx", "motionLengthPx", "unevenLight", "clickErrorPx"];

    private static readonly Lazy<DegradationSpec> DefaultSpec =
        new(() => Load(Path.Combine(AppContext.BaseDirectory, FileName)));

    private readonly DegradationRange[] ranges;

    private DegradationSpec(string file, DegradationRange[] ranges)
    {
        File = file;
        this.ranges = ranges;
    }

    /// <summary>The spec shipped beside the binaries, loaded once.</summary>
    public static DegradationSpec Default => DefaultSpec.Value;

    /// <summary>Where the spec was read from (for messages and run records).</summary>
    public string File { get; }

    /// <summary>Every range, in the order of <see cref="Keys"/>.</summary>
    public IReadOnlyList<DegradationRange> Ranges => ranges;

    public DegradationRange WidthPx => ranges[0];
    public DegradationRange YawDeg => ranges[1];
    public DegradationRange PitchDeg => ranges[2];
    public DegradationRange RollDeg => ranges[3];
    public DegradationRange BlurSigmaPx => ranges[4];
    public DegradationRange MotionLengthPx => ranges[5];
    public DegradationRange MotionAngleDeg => ranges[6];
    public DegradationRange Brightness => ranges[7];
    public DegradationRange Contrast => ranges[8];
    public DegradationRange Gamma => ranges[9];
    public DegradationRange UnevenLight => ranges[10];
    public DegradationRange UnevenLightAngleDeg => ranges[11];
    public DegradationRange SnrDb => ranges[12];
    public DegradationRange JpegQuality => ranges[13];
    public DegradationRange ClickErrorPx => ranges[14];

    /// <summary>The range of <paramref name="key"/> (a key of the spec file, e.g. "snrDb").</summary>
    public DegradationRange this[string key] =>
        Array.Find(ranges, r => r.Key == key) ?? throw new KeyNotFoundException($"no degradation '{key}'; known: {string.Join(", ", Keys)}");

    /// <summary>Every field at its easy value, noise and JPEG included (what difficulty 0 draws when neither is "none").</summary>
    public Degradations Easy => new(
        WidthPx.Easy, YawDeg.Easy, PitchDeg.Easy, RollDeg.Easy, BlurSigmaPx.Easy, MotionLengthPx.Easy,
        MotionAngleDeg.Easy, Brightness.Easy, Contrast.Easy, Gamma.Easy, UnevenLight.Easy, UnevenLightAngleDeg.Easy,
        SnrDb.Easy, (int)JpegQuality.Easy, ClickErrorPx.Easy * (ClickErrorPx.RelativeToWidth ? WidthPx.Easy : 1));

    public static DegradationSpec Load(string path)
    {
        if (!System.IO.File.Exists(path)) throw new FormatFileException(path, "", "the degradation spec is missing");
        return Parse(System.IO.File.ReadAllText(path), path);
    }

    /// <summary>Reads a spec from its text; <paramref name="file"/> names it in error messages.</summary>
    public static DegradationSpec Parse(string json, string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FormatFileException(file, "", $"not valid JSON: {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatFileException(file, "", "expected an object with one entry per degradation");
            var found = new Dictionary<string, JsonElement>();
            foreach (var p in root.EnumerateObject())
            {
                if (!Keys.Contains(p.Name)) throw new FormatFileException(file, p.Name, $"unknown key; known: {string.Join(", ", Keys)}");
                if (!found.TryAdd(p.Name, p.Value)) throw new FormatFileException(file, p.Name, "appears twice");
            }
            var ranges = new DegradationRange[Keys.Count];
            for (var i = 0; i < Keys.Count; i++)
            {
                var key = Keys[i];
                if (!found.TryGetValue(key, out var entry)) throw new FormatFileException(file, key, "is required");
                ranges[i] = ParseRange(file, key, entry);
            }
            return new DegradationSpec(file, ranges);
        }
    }

    /// <summary>
    /// The degradations of one sample at <paramref name="difficulty"/> (0: every field at its easy value; 1: the
    /// full ranges). Advances <paramref name="random"/> by one draw; each field then draws from its own fork.
    /// </summary>
    public Degradations Sample(ref DeterministicRandom random, double difficulty = 1)
    {
        DegradationRange.CheckDifficulty(difficulty);
        var root = new DeterministicRandom(random.NextUInt64());
        var width = Draw(root, WidthPx, difficulty);
        var click = Draw(root, ClickErrorPx, difficulty);
        if (ClickErrorPx.RelativeToWidth) click *= width;
        var snr = DrawOptional(root, SnrDb, difficulty);
        var jpeg = DrawOptional(root, JpegQuality, difficulty);
        return new Degradations(
            width,
            Draw(root, YawDeg, difficulty),
            Draw(root, PitchDeg, difficulty),
            Draw(root, RollDeg, difficulty),
            Draw(root, BlurSigmaPx, difficulty),
            Draw(root, MotionLengthPx, difficulty),
            Draw(root, MotionAngleDeg, difficulty),
            Draw(root, Brightness, difficulty),
            Draw(root, Contrast, difficulty),
            Draw(root, Gamma, difficulty),
            Draw(root, UnevenLight, difficulty),
            Draw(root, UnevenLightAngleDeg, difficulty),
            snr,
            jpeg is { } q ? (int)q : null,
            click);
    }

    private static double Draw(in DeterministicRandom root, DegradationRange range, double difficulty)
    {
        var r = root.Fork(range.Salt);
        return range.Draw(ref r, difficulty);
    }

    private static double? DrawOptional(in DeterministicRandom root, DegradationRange range, double difficulty)
    {
        var r = root.Fork(range.Salt);
        // The coin comes first from the field's own stream, so "none" does not shift the value's draw.
        if (range.None is { } none && r.NextDouble() < none) return null;
        return range.Draw(ref r, difficulty);
    }

    private static DegradationRange ParseRange(string file, string key, JsonElement entry)
    {
        FormatFileException Error(string sub, string problem) => new(file, sub.Length == 0 ? key : $"{key}.{sub}", problem);

        if (entry.ValueKind != JsonValueKind.Object) throw Error("", "expected an object { distribution, min, max, easy }");
        var optional = Optional.Contains(key);
        string[] allowed = optional ? ["distribution", "min", "max", "easy", "none", "relativeTo"] : ["distribution", "min", "max", "easy", "relativeTo"];
        var seen = new HashSet<string>();
        foreach (var p in entry.EnumerateObject())
        {
            if (Array.IndexOf(allowed, p.Name) < 0)
                throw Error(p.Name, p.Name == "none" ? "only snrDb and jpegQuality can be left out" : $"unknown key; known: {string.Join(", ", allowed)}");
            if (!seen.Add(p.Name)) throw Error(p.Name, "appears twice");
        }

        double Number(string name)
        {
            if (!entry.TryGetProperty(name, out var v)) throw Error(name, "is required");
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d)) throw Error(name, "should be a number");
            return d;
        }

        if (!entry.TryGetProperty("distribution", out var dist)) throw Error("distribution", "is required");
        var distribution = dist.ValueKind == JsonValueKind.String ? dist.GetString() switch
        {
            "uniform" => RangeDistribution.Uniform,
            "log-uniform" => RangeDistribution.LogUniform,
            _ => (RangeDistribution?)null,
        } : null;
        if (distribution is null) throw Error("distribution", "should be \"uniform\" or \"log-uniform\"");

        var min = Number("min");
        var max = Number("max");
        var easy = Number("easy");
        if (min > max) throw Error("min", $"{min} is greater than max {max}");
        if (easy < min || easy > max) throw Error("easy", $"{easy} lies outside [{min}, {max}]");
        if (distribution == RangeDistribution.LogUniform && min <= 0) throw Error("min", "should be greater than 0 for a log-uniform range");
        if (Positive.Contains(key) && min <= 0) throw Error("min", "should be greater than 0");
        if (NonNegative.Contains(key) && min < 0) throw Error("min", "should not be negative");
        if (key == "unevenLight" && max > 1) throw Error("max", "should be at most 1 (the light would turn negative)");

        var isInteger = key == "jpegQuality";
        if (isInteger)
        {
            if (min < 1 || max > 100) throw Error(min < 1 ? "min" : "max", "JPEG quality runs from 1 to 100");
            foreach (var (name, value) in new[] { ("min", min), ("max", max), ("easy", easy) })
                if (value != Math.Floor(value)) throw Error(name, "should be a whole number");
        }

        double? none = null;
        if (optional)
        {
            none = Number("none");
            if (none < 0 || none > 1) throw Error("none", "is a probability, from 0 to 1");
        }

        var relative = false;
        if (entry.TryGetProperty("relativeTo", out var rel))
        {
            if (key == "widthPx") throw Error("relativeTo", "the width cannot be relative to itself");
            if (rel.ValueKind != JsonValueKind.String || rel.GetString() != "widthPx") throw Error("relativeTo", "should be \"widthPx\"");
            relative = true;
        }

        return new DegradationRange(key, distribution.Value, min, max, easy, none, relative, isInteger);
    }
}
