using System.Globalization;
using System.Numerics;
using System.Text;
using DeepPlate.Formats;
using DeepPlate.Inference.Tests.Models;
using DeepPlate.Synth;
using Xunit.Abstractions;

namespace DeepPlate.Inference.Tests.Reading;

/// <summary>
/// Does reading 5 frames of a plate 16 px wide beat reading 1? Measured on synthetic plates of the evaluation grid's
/// 16 px column: the grid's fixed camera (blur σ 0.5 px, yaw 15°, pitch 5°, click error 2 % of the width) and its SNR
/// and JPEG axes. Frames of one plate share the rendered scene (text, look, perspective, blur) and differ where
/// consecutive video frames differ independently: sensor noise, JPEG of that noise, and the user's clicks. Frame 0
/// alone is the single-frame reading; frames 0-4 fused (<see cref="FrameFusion"/>) the multi-frame one.
/// <para>
/// The committed fixture model is barely trained, so with it this only shows the measurement runs and is
/// deterministic. The real demonstration awaits a trained model:
/// <c>DEEPPLATE_FUSION_MODEL=/path/de.onnx dotnet test tests/DeepPlate.Inference.Tests --filter MultiFrameGrid
/// --logger "console;verbosity=detailed"</c> prints the table and asserts that 5 frames beat 1 in character
/// accuracy over the 16 px cells (<c>DEEPPLATE_FUSION_PLATES</c> sets the plates per cell, default 64).
/// </para>
/// </summary>
public sealed class MultiFrameGridTests(ITestOutputHelper log)
{
    /// <summary>"EVAL" in ASCII: the evaluation grid's seed, disjoint from training and validation seeds.</summary>
    private const ulong Seed = 0x4556414C;

    private const int Frames = 5;
    private const double WidthPx = 16;

    private static readonly double?[] Snrs = [0, 7, 20, null];
    private static readonly int?[] Jpegs = [null, 30];

    /// <summary>Counts over one cell: characters (real ones only) and plates right at rank 1, plates in the top 60.</summary>
    private sealed record Score(int Plates, int Chars, int CharsRight, int Exact, int Top60)
    {
        public double CharAccuracy => (double)CharsRight / Chars;

        public static Score operator +(Score a, Score b) =>
            new(a.Plates + b.Plates, a.Chars + b.Chars, a.CharsRight + b.CharsRight, a.Exact + b.Exact, a.Top60 + b.Top60);
    }

    [Fact]
    public void FiveFramesAtSixteenPixelsAgainstOne()
    {
        var trained = Environment.GetEnvironmentVariable("DEEPPLATE_FUSION_MODEL");
        using var own = trained is { Length: > 0 } ? new PlateModel(trained) : null;
        var model = own ?? Fixtures.Catalog.For("de");
        var plates = int.TryParse(Environment.GetEnvironmentVariable("DEEPPLATE_FUSION_PLATES"), out var n) && n > 0 ? n : 64;

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"model {model.Id} ({model.Info.Training}); {plates} plates per cell, width {WidthPx} px");
        table.AppendLine("| SNR | JPEG | chars 1 frame | chars 5 frames | plates 1 | plates 5 | top-60 1 | top-60 5 |");
        table.AppendLine("|---|---|---|---|---|---|---|---|");
        var single = new Score(0, 0, 0, 0, 0);
        var fused = single;
        foreach (var snr in Snrs)
        {
            foreach (var jpeg in Jpegs)
            {
                var (one, five) = Measure(model, snr, jpeg, plates);
                single += one;
                fused += five;
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {(snr is { } s ? $"{s} dB" : "none")} | {(jpeg is { } q ? $"Q {q}" : "none")} | {one.CharAccuracy:P1} | {five.CharAccuracy:P1} | " +
                    $"{one.Exact}/{one.Plates} | {five.Exact}/{five.Plates} | {one.Top60}/{one.Plates} | {five.Top60}/{five.Plates} |");
            }
        }
        table.AppendLine(CultureInfo.InvariantCulture, $"| all | all | {single.CharAccuracy:P1} | {fused.CharAccuracy:P1} | {single.Exact} | {fused.Exact} | {single.Top60} | {fused.Top60} |");
        log.WriteLine(table.ToString());

        Assert.Equal(Snrs.Length * Jpegs.Length * plates, fused.Plates);
        if (own is not null) Assert.True(fused.CharAccuracy > single.CharAccuracy, table.ToString());
    }

    [Fact]
    public void TheMeasurementIsDeterministic()
    {
        var model = Fixtures.Catalog.For("de");
        Assert.Equal(Measure(model, 7, 30, 6), Measure(model, 7, 30, 6));
    }

    private static (Score One, Score Five) Measure(PlateModel model, double? snr, int? jpeg, int plates)
    {
        var info = model.Info;
        var alphabet = new ModelAlphabet(info.Alphabet, info.Slots);
        var size = model.OutputSize;
        var one = new Score(0, 0, 0, 0, 0);
        var five = one;
        // The grid's camera, without the noise and JPEG that each frame gets on its own.
        var scene = Degradations.Clean(WidthPx) with { BlurSigmaPx = 0.5, YawDeg = 15, PitchDeg = 5 };
        var clickSigma = 0.02 * WidthPx;
        using var generator = new PlateGenerator(FormatRegistry.Default, FontCatalog.Default, DegradationSpec.Default);
        var input = new float[model.InputSize];
        var outputs = new float[Frames * size];
        var distribution = new float[size];
        var clicked = new Vector2[4];
        for (var i = 0; i < plates; i++)
        {
            using var plate = generator.Generate(info.Country, null, Seed, i, 1, _ => scene);
            for (var f = 0; f < Frames; f++)
            {
                // Each frame its own noise and clicks: a pure function of (plate, frame).
                var random = DeterministicRandom.For(Seed ^ 0x6672616D65UL, i * Frames + f);
                using var frame = plate.Scene.Clone();
                if (snr is { } s) new SensorNoise(s).Apply(frame, plate.Corners, ref random);
                if (jpeg is { } q) new JpegCompression(q).Apply(frame);
                else frame.Clamp();
                for (var c = 0; c < 4; c++)
                {
                    clicked[c] = plate.Corners[c] + new Vector2((float)(random.NextGaussian() * clickSigma), (float)(random.NextGaussian() * clickSigma));
                }
                Rectifier.Rectify(frame.Pixels, frame.Width, frame.Height, clicked, input, info.InputWidth, info.InputHeight);
                model.Run(input.AsMemory(), 1, outputs.AsMemory(f * size, size));
            }
            var labels = alphabet.Encode(plate.Text.Compact);
            one += ScorePlate(outputs.AsSpan(0, size), labels, plate.Text.Compact.Length, info);
            FrameFusion.Fuse(outputs, Frames, info.Slots, info.Classes, distribution);
            five += ScorePlate(distribution, labels, plate.Text.Compact.Length, info);
        }
        return (one, five);
    }

    private static Score ScorePlate(ReadOnlySpan<float> p, int[] labels, int length, ModelInfo info)
    {
        var right = 0;
        var exact = true;
        for (var s = 0; s < info.Slots; s++)
        {
            var row = p.Slice(s * info.Classes, info.Classes);
            var best = 0;
            for (var c = 1; c < info.Classes; c++) if (row[c] > row[best]) best = c;
            exact &= best == labels[s];
            if (s < length && best == labels[s]) right++;
        }
        var plates = new int[PlateReader.Candidates * info.Slots];
        var scores = new double[PlateReader.Candidates];
        var found = TopPlates.RankLeftAligned(p, info.Slots, info.Classes, PlateReader.Candidates, plates, scores);
        var top60 = false;
        for (var k = 0; k < found && !top60; k++) top60 = plates.AsSpan(k * info.Slots, info.Slots).SequenceEqual(labels);
        return new Score(1, length, right, exact ? 1 : 0, top60 ? 1 : 0);
    }
}
