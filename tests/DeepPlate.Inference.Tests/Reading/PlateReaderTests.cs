using System.Numerics;
using DeepPlate.Formats;
using DeepPlate.Inference.Tests.Models;

namespace DeepPlate.Inference.Tests.Reading;

public sealed class PlateReaderTests
{
    private static PlateReader Reader => SyntheticFrames.Reader;

    private static Inference.Reading ReadScene(string country, string? state = null, string? format = null)
    {
        var (image, _, clicked) = SyntheticFrames.ReadableScene(country);
        return Reader.Read(new ReadRequest([new PlateFrame(image, clicked)], country, state, format));
    }

    [Fact]
    public void PositionsListEverySlotBestFirstWithNoCharacterAsEmpty()
    {
        var reading = ReadScene("de");
        Assert.Equal(reading.Model.Slots, reading.Positions.Count);
        foreach (var position in reading.Positions)
        {
            Assert.True(position.Count >= 5);
            for (var i = 1; i < position.Count; i++) Assert.True(position[i - 1].Confidence >= position[i].Confidence);
            Assert.Equal(1.0, position.Sum(c => (double)c.Confidence), 4);
            Assert.All(position, c => Assert.True(c.Char.Length <= 1));
            Assert.Single(position, c => c.Char == "");
        }
    }

    [Fact]
    public void CandidatesAreTheProductOfTheirPositionsBestFirst()
    {
        var reading = ReadScene("de");
        Assert.InRange(reading.Candidates.Count, 1, PlateReader.Candidates);
        var info = reading.Model;
        for (var i = 0; i < reading.Candidates.Count; i++)
        {
            var c = reading.Candidates[i];
            if (i > 0) Assert.True(reading.Candidates[i - 1].Confidence >= c.Confidence);
            // The characters left-aligned, "no character" after them: each slot's confidence multiplied.
            var p = 1.0;
            for (var s = 0; s < info.Slots; s++)
            {
                var k = s < c.Plate.Length ? info.Alphabet.IndexOf(c.Plate[s]) : info.Blank;
                p *= reading.Distribution[s * info.Classes + k];
            }
            Assert.Equal(p, c.Confidence, 12);
        }
        Assert.Equal(reading.Candidates.Count, reading.Candidates.Select(c => c.Plate).Distinct().Count());
    }

    [Fact]
    public void ValidPlatesAreValidAndScoredAsInTheRawRanking()
    {
        var reading = ReadScene("de");
        Assert.True(reading.Valid.Complete);
        Assert.Equal(PlateReader.Candidates, reading.Valid.Plates.Count);
        var raw = reading.Candidates.ToDictionary(c => c.Plate, c => c.Confidence);
        for (var i = 0; i < reading.Valid.Plates.Count; i++)
        {
            var v = reading.Valid.Plates[i];
            if (i > 0) Assert.True(reading.Valid.Plates[i - 1].Confidence >= v.Confidence);
            var check = FormatRegistry.Default.Check("de", v.Plate);
            Assert.True(check.IsValid, $"{v.Plate}: {check.Reason}");
            Assert.Equal(v.Compact, TextNormalizer.Compact(v.Plate));
            if (raw.TryGetValue(v.Compact, out var rawConfidence)) Assert.Equal(rawConfidence, v.Confidence);
        }
        // Every raw candidate valid for Germany is in the valid list if it scores above the list's last.
        var last = reading.Valid.Plates[^1].Confidence;
        foreach (var c in reading.Candidates.Where(c => c.Confidence > last && FormatRegistry.Default.Check("de", c.Plate).IsValid))
        {
            Assert.Contains(reading.Valid.Plates, v => v.Compact == c.Plate);
        }
        Assert.NotEmpty(reading.Valid.Formats);
        Assert.Empty(reading.Valid.States);
    }

    [Fact]
    public void AChosenFormatRestrictsEveryPositionAndRenormalises()
    {
        var reading = ReadScene("us", "ca", "dllldd");
        Assert.Equal("us", reading.Country);
        Assert.Equal("ca", reading.State);
        Assert.Equal("ca/dllldd", reading.Format);
        var template = FormatRegistry.Default.Country("us").Template("ca/dllldd");
        var (allowed, canBeEmpty) = template.PositionSets(reading.Model.Slots);
        for (var s = 0; s < reading.Model.Slots; s++)
        {
            Assert.Equal(1.0, reading.Positions[s].Sum(c => (double)c.Confidence), 4);
            foreach (var c in reading.Positions[s])
            {
                Assert.True(c.Char == "" ? canBeEmpty[s] : allowed[s]!.Contains(c.Char[0]), $"slot {s}: '{c.Char}'");
            }
        }
        Assert.All(reading.Valid.Plates, v => Assert.Equal("ca/dllldd", v.Template));
        Assert.Empty(reading.Valid.Formats);
        Assert.Empty(reading.Valid.States);
    }

    [Fact]
    public void WithTheUsStateUnknownTheLikelyStatesAndFormatsAreGiven()
    {
        var reading = ReadScene("us");
        Assert.NotEmpty(reading.Valid.States);
        Assert.NotEmpty(reading.Valid.Formats);
        Assert.True(reading.Valid.States.Sum(s => s.Share) <= 1 + 1e-9);
        for (var i = 1; i < reading.Valid.States.Count; i++) Assert.True(reading.Valid.States[i - 1].Share >= reading.Valid.States[i].Share);
        Assert.All(reading.Valid.Formats, f => Assert.NotNull(f.State));

        // With the state given: formats of that state only, no states.
        var ca = ReadScene("us", "CA");
        Assert.Empty(ca.Valid.States);
        Assert.All(ca.Valid.Formats, f => Assert.Equal("ca", f.State));
        Assert.All(ca.Valid.Plates, v => Assert.StartsWith("ca/", v.Template));
    }

    [Fact]
    public void UnknownMeansNoRule()
    {
        var unknown = ReadScene("de", null, "Unknown");
        var none = ReadScene("de");
        Assert.Null(unknown.Format);
        Assert.Equal(ReadingJson.ToJson(none), ReadingJson.ToJson(unknown));
    }

    [Fact]
    public void WholeImageWhenNoCornersAreGiven()
    {
        var (image, _, _) = SyntheticFrames.ReadableScene("de");
        var reading = Reader.Read(new ReadRequest([new PlateFrame(image)], "de"));
        var frame = Assert.Single(reading.Frames);
        Assert.True(frame.WholeImage);
        Assert.Equal(PlateCorners.WholeImage(image.Width, image.Height), frame.Corners);
        Assert.Equal(image.Sha256, reading.InputSha256);
    }

    [Fact]
    public void TheSameFrameTwiceReadsAsOnce()
    {
        var (image, _, clicked) = SyntheticFrames.ReadableScene("de");
        var once = Reader.Read(new ReadRequest([new PlateFrame(image, clicked)], "de"));
        var twice = Reader.Read(new ReadRequest([new PlateFrame(image, clicked), new PlateFrame(image, clicked)], "de"));
        for (var i = 0; i < once.Distribution.Length; i++)
        {
            if (once.Distribution[i] > 1e-6f) Assert.Equal(once.Distribution[i], twice.Distribution[i], 1e-5f);
        }
        Assert.Equal(2, twice.Frames.Count);
        Assert.NotEqual(once.InputSha256, twice.InputSha256);
    }

    [Fact]
    public void DeterministicAcrossRunsThreadsAndOnnxThreadCounts()
    {
        var (image, _, clicked) = SyntheticFrames.ReadableScene("us");
        var request = new ReadRequest([new PlateFrame(image, clicked)], "us");
        var expected = ReadingJson.ToJson(Reader.Read(request));
        var parallel = new string[16];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = ReadingJson.ToJson(Reader.Read(request)));
        Assert.All(parallel, json => Assert.Equal(expected, json));

        using var twoThreads = ModelCatalog.Load(Fixtures.Directory, FormatRegistry.Default, threads: 2);
        Assert.Equal(expected, ReadingJson.ToJson(new PlateReader(twoThreads, FormatRegistry.Default).Read(request)));
    }

    [Fact]
    public void BadInputGetsASpecificError()
    {
        var (image, _, clicked) = SyntheticFrames.ReadableScene("de");
        PlateFrame[] frame = [new PlateFrame(image, clicked)];
        Assert.Throws<UnknownCountryException>(() => Reader.Read(new ReadRequest(frame, "xx")));
        Assert.Throws<UnknownStateException>(() => Reader.Read(new ReadRequest(frame, "us", "zz")));
        Assert.Throws<UnknownStateException>(() => Reader.Read(new ReadRequest(frame, "de", "ca")));
        Assert.Throws<UnknownTemplateException>(() => Reader.Read(new ReadRequest(frame, "de", null, "nope")));
        var unknown = Assert.Throws<UnknownTemplateException>(() => Reader.Read(new ReadRequest(frame, "us", "ca", "nope")));
        Assert.Contains("known: ca/", unknown.Message);
        Assert.DoesNotContain("tx/", unknown.Message);
        Assert.Contains("belongs to a state", Assert.Throws<ArgumentException>(() => Reader.Read(new ReadRequest(frame, "us", null, "dllldd"))).Message);
        Assert.Contains("ca/dllldd is not a format of Texas", Assert.Throws<ArgumentException>(() => Reader.Read(new ReadRequest(frame, "us", "tx", "ca/dllldd"))).Message);
        Assert.Contains("no frame", Assert.Throws<ArgumentException>(() => Reader.Read(new ReadRequest([], "de"))).Message);
        Assert.Throws<ModelUnavailableException>(() => Reader.Read(new ReadRequest(frame, "fr")));

        Vector2[] outside = [new(-5, 0), new(10, 0), new(10, 10), new(0, 10)];
        var e = Assert.Throws<CornerException>(() => Reader.Read(new ReadRequest([frame[0], new PlateFrame(image, outside)], "de")));
        Assert.StartsWith("frame 2: corner 1", e.Message);
    }

    [Fact]
    public void TheJsonHasTheFieldsResearchersScoreBy()
    {
        var reading = ReadScene("de");
        using var json = System.Text.Json.JsonDocument.Parse(ReadingJson.ToJson(reading, ["scene.png"]));
        var root = json.RootElement;
        Assert.Equal(reading.ModelId, root.GetProperty("model").GetProperty("id").GetString());
        Assert.Equal(reading.InputSha256, root.GetProperty("sha256").GetString());
        Assert.Equal("scene.png", root.GetProperty("frames")[0].GetProperty("image").GetString());
        Assert.Equal(reading.Model.Slots, root.GetProperty("positions").GetArrayLength());
        Assert.Equal(reading.Positions[0][0].Confidence, root.GetProperty("positions")[0][0].GetProperty("confidence").GetSingle());
        Assert.Equal(reading.Candidates.Count, root.GetProperty("candidates").GetArrayLength());
        Assert.Equal(reading.Candidates[0].Plate, root.GetProperty("candidates")[0].GetProperty("plate").GetString());
        Assert.Equal(reading.Candidates[0].Confidence, root.GetProperty("candidates")[0].GetProperty("confidence").GetDouble());
        Assert.Equal(reading.Valid.Plates.Count, root.GetProperty("valid").GetArrayLength());
    }
}
