using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Degradation;

public sealed class DegradationSpecTests
{
    private const string File = "test-spec.jsonc";

    private const string Valid = """
        {
          // comments and trailing commas are fine
          "widthPx": { "distribution": "log-uniform", "min": 10, "max": 200, "easy": 100 },
          "yawDeg": { "distribution": "uniform", "min": -40, "max": 40, "easy": 0 },
          "pitchDeg": { "distribution": "uniform", "min": -25, "max": 25, "easy": 0 },
          "rollDeg": { "distribution": "uniform", "min": -10, "max": 10, "easy": 0 },
          "blurSigmaPx": { "distribution": "uniform", "min": 0, "max": 2, "easy": 0 },
          "motionLengthPx": { "distribution": "uniform", "min": 0, "max": 4, "easy": 0 },
          "motionAngleDeg": { "distribution": "uniform", "min": 0, "max": 180, "easy": 0 },
          "brightness": { "distribution": "uniform", "min": -0.2, "max": 0.2, "easy": 0 },
          "contrast": { "distribution": "uniform", "min": 0.5, "max": 1.2, "easy": 1 },
          "gamma": { "distribution": "log-uniform", "min": 0.7, "max": 1.43, "easy": 1 },
          "unevenLight": { "distribution": "uniform", "min": 0, "max": 0.5, "easy": 0 },
          "unevenLightAngleDeg": { "distribution": "uniform", "min": 0, "max": 360, "easy": 0 },
          "snrDb": { "distribution": "uniform", "min": -3, "max": 30, "easy": 30, "none": 0.1 },
          "jpegQuality": { "distribution": "uniform", "min": 5, "max": 95, "easy": 95, "none": 0.2 },
          "clickErrorPx": { "distribution": "uniform", "min": 0, "max": 0.04, "easy": 0.01, "relativeTo": "widthPx" },
        }
        """;

    private static DegradationSpec Spec => DegradationSpec.Parse(Valid, File);

    [Fact]
    public void The_shipped_spec_loads_from_beside_the_binaries_with_the_agreed_ranges()
    {
        var spec = DegradationSpec.Default;
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, DegradationSpec.FileName), spec.File);
        Assert.Equal(DegradationSpec.Keys, spec.Ranges.Select(r => r.Key));
        Assert.Equal((RangeDistribution.LogUniform, 10.0, 200.0), (spec.WidthPx.Distribution, spec.WidthPx.Min, spec.WidthPx.Max));
        Assert.Equal((-40.0, 40.0), (spec.YawDeg.Min, spec.YawDeg.Max));
        Assert.Equal((-25.0, 25.0), (spec.PitchDeg.Min, spec.PitchDeg.Max));
        Assert.Equal((-10.0, 10.0), (spec.RollDeg.Min, spec.RollDeg.Max));
        Assert.Equal((0.0, 2.0), (spec.BlurSigmaPx.Min, spec.BlurSigmaPx.Max));
        Assert.Equal((0.0, 4.0), (spec.MotionLengthPx.Min, spec.MotionLengthPx.Max));
        Assert.Equal((-3.0, 30.0), (spec.SnrDb.Min, spec.SnrDb.Max));
        Assert.Equal((5.0, 95.0), (spec.JpegQuality.Min, spec.JpegQuality.Max));
        Assert.NotNull(spec.SnrDb.None);
        Assert.NotNull(spec.JpegQuality.None);
        Assert.True(spec.ClickErrorPx.RelativeToWidth);
        Assert.Same(spec, DegradationSpec.Default);
    }

    [Fact]
    public void Difficulty_0_gives_the_easy_values()
    {
        var spec = Spec;
        var random = new DeterministicRandom(17);
        for (var i = 0; i < 500; i++)
        {
            var d = spec.Sample(ref random, difficulty: 0);
            Assert.Equal(spec.Easy with { SnrDb = d.SnrDb, JpegQuality = d.JpegQuality }, d);
            Assert.True(d.SnrDb is null or 30);
            Assert.True(d.JpegQuality is null or 95);
        }
        Assert.Equal(new Degradations(100, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 30, 95, 1), spec.Easy);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public void Sampled_parameters_stay_in_their_ranges(double difficulty)
    {
        var spec = Spec;
        var random = new DeterministicRandom(23);
        var samples = new List<Degradations>();
        for (var i = 0; i < 5000; i++) samples.Add(spec.Sample(ref random, difficulty));

        foreach (var range in spec.Ranges)
        {
            var (low, high) = range.At(difficulty);
            Assert.True(low >= range.Min && high <= range.Max && low <= range.Easy && range.Easy <= high, range.Key);
            var values = new List<double>();
            foreach (var d in samples)
                if (Value(d, range.Key) is { } v) values.Add(range.RelativeToWidth ? v / d.WidthPx : v);
            Assert.All(values, v => Assert.InRange(v, low - 1e-12, high + 1e-12));
            // And the ranges are used, not just respected: the draws reach close to both ends.
            var span = high - low;
            Assert.True(values.Min() < low + 0.02 * span + 0.5 * (range.IsInteger ? 1 : 0), $"{range.Key} min {values.Min()}");
            Assert.True(values.Max() > high - 0.02 * span - 0.5 * (range.IsInteger ? 1 : 0), $"{range.Key} max {values.Max()}");
        }
    }

    [Fact]
    public void Half_difficulty_halves_each_range_around_its_easy_value()
    {
        var spec = Spec;
        Assert.Equal((-20.0, 20.0), spec.YawDeg.At(0.5));
        Assert.Equal((13.5, 30.0), spec.SnrDb.At(0.5));
        Assert.Equal((0.75, 1.1), spec.Contrast.At(0.5));
        // Log-uniform: halfway in ratio, from 100 towards 10 and 200.
        var (low, high) = spec.WidthPx.At(0.5);
        Assert.Equal(Math.Sqrt(1000), low, 1e-9);
        Assert.Equal(Math.Sqrt(20000), high, 1e-9);
    }

    [Fact]
    public void Widths_are_log_uniform()
    {
        var spec = Spec;
        var random = new DeterministicRandom(31);
        var widths = new List<double>();
        for (var i = 0; i < 20001; i++) widths.Add(spec.Sample(ref random).WidthPx);
        widths.Sort();
        // The median of a log-uniform 10..200 is the geometric mean, 44.7 px (a uniform one's would be 105).
        Assert.InRange(widths[10000], 0.97 * Math.Sqrt(2000), 1.03 * Math.Sqrt(2000));
        // Each quarter of the log range holds a quarter of the widths: 10-21.1, 21.1-44.7, 44.7-94.6, 94.6-200.
        var quarter = Math.Pow(20, 0.25);
        for (var k = 0; k < 4; k++)
        {
            var lo = 10 * Math.Pow(quarter, k);
            var hi = lo * quarter;
            var share = widths.Count(w => w >= lo && w < hi) / (double)widths.Count;
            Assert.InRange(share, 0.24, 0.26);
        }
    }

    [Fact]
    public void None_comes_with_its_probability()
    {
        var spec = Spec;
        var random = new DeterministicRandom(37);
        int noNoise = 0, noJpeg = 0;
        const int n = 20000;
        for (var i = 0; i < n; i++)
        {
            var d = spec.Sample(ref random);
            if (d.SnrDb is null) noNoise++;
            if (d.JpegQuality is null) noJpeg++;
        }
        Assert.InRange(noNoise / (double)n, 0.09, 0.11);
        Assert.InRange(noJpeg / (double)n, 0.19, 0.21);
    }

    [Fact]
    public void Sampling_is_a_pure_function_of_the_stream_and_advances_it_by_one_draw()
    {
        var spec = Spec;
        var a = DeterministicRandom.For(5, 6);
        var b = DeterministicRandom.For(5, 6);
        var c = DeterministicRandom.For(5, 7);
        var da = spec.Sample(ref a, 0.7);
        Assert.Equal(da, spec.Sample(ref b, 0.7));
        Assert.NotEqual(da, spec.Sample(ref c, 0.7));
        var expected = DeterministicRandom.For(5, 6);
        expected.NextUInt64();
        Assert.Equal(expected.NextUInt64(), a.NextUInt64());
    }

    [Fact]
    public void Changing_one_range_leaves_the_other_fields_draws_alone()
    {
        var other = DegradationSpec.Parse(Valid.Replace("\"min\": -40, \"max\": 40", "\"min\": -5, \"max\": 5"), File);
        var a = new DeterministicRandom(3);
        var b = new DeterministicRandom(3);
        var da = Spec.Sample(ref a);
        var db = other.Sample(ref b);
        Assert.NotEqual(da.YawDeg, db.YawDeg);
        Assert.Equal(da with { YawDeg = 0 }, db with { YawDeg = 0 });
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Difficulty_outside_0_to_1_is_refused(double difficulty)
    {
        var random = new DeterministicRandom(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Spec.Sample(ref random, difficulty));
    }

    [Theory]
    [InlineData("\"yawDeg\":", "\"yawDegrees\":", "yawDegrees", "unknown key")]
    [InlineData("\"gamma\": { \"distribution\": \"log-uniform\", \"min\": 0.7, \"max\": 1.43, \"easy\": 1 },", "", "gamma", "is required")]
    [InlineData("\"min\": -10, \"max\": 10, \"easy\": 0", "\"min\": -10, \"max\": 10, \"easy\": 0, \"maximum\": 3", "rollDeg.maximum", "unknown key")]
    [InlineData("\"min\": -10, \"max\": 10", "\"min\": 10, \"max\": -10", "rollDeg.min", "greater than max")]
    [InlineData("\"min\": -0.2, \"max\": 0.2, \"easy\": 0", "\"min\": -0.2, \"max\": 0.2, \"easy\": 0.3", "brightness.easy", "outside")]
    [InlineData("\"min\": -25, \"max\": 25, \"easy\": 0", "\"min\": -25, \"max\": 25", "pitchDeg.easy", "is required")]
    [InlineData("{ \"distribution\": \"uniform\", \"min\": -25", "{ \"distribution\": \"normal\", \"min\": -25", "pitchDeg.distribution", "\"uniform\" or \"log-uniform\"")]
    [InlineData("{ \"distribution\": \"uniform\", \"min\": 0, \"max\": 2,", "{ \"distribution\": \"log-uniform\", \"min\": 0, \"max\": 2,", "blurSigmaPx.min", "greater than 0")]
    [InlineData("\"max\": 200, \"easy\": 100", "\"max\": 200, \"easy\": 100, \"none\": 0.5", "widthPx.none", "only snrDb and jpegQuality")]
    [InlineData(", \"none\": 0.1", "", "snrDb.none", "is required")]
    [InlineData("\"none\": 0.2", "\"none\": 1.5", "jpegQuality.none", "probability")]
    [InlineData("\"min\": 5, \"max\": 95", "\"min\": 5, \"max\": 120", "jpegQuality.max", "1 to 100")]
    [InlineData("\"easy\": 95", "\"easy\": 90.5", "jpegQuality.easy", "whole number")]
    [InlineData("\"max\": 4, \"easy\": 0", "\"max\": \"4\", \"easy\": 0", "motionLengthPx.max", "should be a number")]
    [InlineData("\"relativeTo\": \"widthPx\"", "\"relativeTo\": \"heightPx\"", "clickErrorPx.relativeTo", "\"widthPx\"")]
    [InlineData("\"max\": 0.5, \"easy\": 0 }", "\"max\": 1.5, \"easy\": 0 }", "unevenLight.max", "at most 1")]
    [InlineData("\"min\": 0.5, \"max\": 1.2", "\"min\": -0.5, \"max\": 1.2", "contrast.min", "greater than 0")]
    [InlineData("\"widthPx\": {", "\"gamma\": { \"distribution\": \"uniform\", \"min\": 1, \"max\": 1, \"easy\": 1 }, \"widthPx\": {", "gamma", "appears twice")]
    [InlineData("\"widthPx\": { \"distribution\"", "\"widthPx\": { \"distribution\": \"uniform\", \"distribution\"", "widthPx.distribution", "appears twice")]
    [InlineData("\"yawDeg\": { \"distribution\": \"uniform\", \"min\": -40, \"max\": 40, \"easy\": 0 }", "\"yawDeg\": 40", "yawDeg", "expected an object")]
    public void Errors_name_the_file_and_the_key(string find, string replace, string key, string problem)
    {
        Assert.Contains(find, Valid);
        var e = Assert.Throws<FormatFileException>(() => DegradationSpec.Parse(Valid.Replace(find, replace), File));
        Assert.Equal(File, e.File);
        Assert.Equal(key, e.Key);
        Assert.StartsWith($"{File}: {key}: ", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Broken_json_names_the_file()
    {
        var e = Assert.Throws<FormatFileException>(() => DegradationSpec.Parse(Valid.Replace("\"max\": 200,", "\"max\": 200"), File));
        Assert.StartsWith($"{File}: not valid JSON", e.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "deepplate-no-such-spec.jsonc");
        var e = Assert.Throws<FormatFileException>(() => DegradationSpec.Load(path));
        Assert.Equal(path, e.File);
    }

    private static double? Value(Degradations d, string key) => key switch
    {
        "widthPx" => d.WidthPx,
        "yawDeg" => d.YawDeg,
        "pitchDeg" => d.PitchDeg,
        "rollDeg" => d.RollDeg,
        "blurSigmaPx" => d.BlurSigmaPx,
        "motionLengthPx" => d.MotionLengthPx,
        "motionAngleDeg" => d.MotionAngleDeg,
        "brightness" => d.Brightness,
        "contrast" => d.Contrast,
        "gamma" => d.Gamma,
        "unevenLight" => d.UnevenLight,
        "unevenLightAngleDeg" => d.UnevenLightAngleDeg,
        "snrDb" => d.SnrDb,
        "jpegQuality" => d.JpegQuality,
        "clickErrorPx" => d.ClickErrorPx,
        _ => throw new ArgumentException(key),
    };
}
