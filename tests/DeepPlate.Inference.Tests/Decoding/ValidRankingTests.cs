using DeepPlate.Formats;
using static DeepPlate.Inference.Tests.Decoding.HandMadeReadings;

namespace DeepPlate.Inference.Tests.Decoding;

public sealed class ValidRankingTests
{
    /// <summary>
    /// Sparse distributions (a few classes per slot) around a real plate of the country, so that brute force over
    /// every left-aligned vector is small and valid plates exist among them.
    /// </summary>
    private static float[] Sparse(ModelInfo model, string country, string? state, int seed)
    {
        var random = new Random(seed);
        var plate = FormatRegistry.Default.SampleAt(country, (ulong)seed, 0, state).Compact;
        var p = new float[model.Slots * model.Classes];
        for (var s = 0; s < model.Slots; s++)
        {
            var row = p.AsSpan(s * model.Classes, model.Classes);
            row[s < plate.Length ? model.Alphabet.IndexOf(plate[s]) : model.Blank] += 1 + (float)random.NextDouble();
            for (var extra = 0; extra < 2; extra++) row[random.Next(model.Classes)] += (float)random.NextDouble();
            row[model.Blank] += 0.2f * (float)random.NextDouble();
            var sum = 0f;
            foreach (var v in row) sum += v;
            for (var c = 0; c < row.Length; c++) row[c] /= sum;
        }
        return p;
    }

    [Theory]
    [InlineData("se", null, 1)]
    [InlineData("nl", null, 2)]
    [InlineData("uk", null, 3)]
    [InlineData("de", null, 4)]
    [InlineData("fr", null, 5)]
    [InlineData("us", "ny", 6)]
    [InlineData("us", null, 7)]
    public void MatchesBruteForceOverEveryValidText(string country, string? state, int seed)
    {
        var model = ModelFor(country);
        var distribution = Sparse(model, country, state, seed);
        var scope = FormatScope.Resolve(FormatRegistry.Default, model, country, state, null);
        const int k = 60;
        var result = ValidRanking.Rank(FormatRegistry.Default, scope, distribution, k);

        // Valid: the structure, characters as the model emits them; ranked by confidence x the likeliest prior.
        PlateCheck Exact(string text) => FormatRegistry.Default.Check(country, text, state, mode: PlateCheckMode.Exact);
        var expected = BruteForce(model, distribution, text => Exact(text).IsValid)
            .Select(e => (e.Text, e.Score, Adjusted: e.Score * Exact(e.Text).Prior))
            .OrderByDescending(e => e.Adjusted).ToList();
        Assert.True(result.Complete);
        Assert.Equal(Math.Min(k, expected.Count), result.Plates.Count);
        Assert.NotEmpty(result.Plates);
        for (var i = 0; i < result.Plates.Count; i++)
        {
            Assert.Equal(expected[i].Adjusted, result.Plates[i].Score, 14);
            // Same text at each rank, unless tied with a neighbour.
            var tied = (i > 0 && expected[i - 1].Adjusted == expected[i].Adjusted) || (i + 1 < expected.Count && expected[i + 1].Adjusted == expected[i].Adjusted);
            if (!tied)
            {
                Assert.Equal(expected[i].Text, result.Plates[i].Compact);
                Assert.Equal(expected[i].Score, result.Plates[i].Confidence, 14);
            }
            var check = Exact(result.Plates[i].Plate);
            Assert.True(check.IsValid, check.Reason);
            Assert.Equal(check.Prior, result.Plates[i].Prior);
            Assert.Equal(result.Plates[i].Prior < 1, result.Plates[i].Notes.Count > 0);
        }
    }

    [Fact]
    public void LikelyFormatsAndStatesAreSharesOfTheFoundPlates()
    {
        var model = ModelFor("us");
        var distribution = Sparse(model, "us", "tx", 11);
        var scope = FormatScope.Resolve(FormatRegistry.Default, model, "us", null, null);
        var result = ValidRanking.Rank(FormatRegistry.Default, scope, distribution, 60);
        Assert.NotEmpty(result.States);
        Assert.InRange(result.States.Sum(s => s.Share), 0.0, 1 + 1e-9);
        Assert.All(result.States, s => Assert.Equal(FormatRegistry.Default.Country("us").State(s.State).Name, s.Name));
        // Each state's share is the sum of its formats' (the listed ones are the largest): a listed format's state
        // holds at least its share, and when the state is not listed, neither is any state below it.
        foreach (var f in result.Formats)
        {
            var state = result.States.FirstOrDefault(s => s.State == f.State)?.Share ?? result.States.Min(s => s.Share);
            Assert.True(state >= f.Share - 1e-12, $"{f.Template} {f.Share} > its state's {state}");
        }
    }

    [Fact]
    public void ATextValidForOneTemplateOnlyGoesWhollyToIt()
    {
        // Sweden: a certain reading of ABC12A, which only the current template (LLL DD + letter) allows.
        var model = ModelFor("se");
        var scope = FormatScope.Resolve(FormatRegistry.Default, model, "se", null, null);
        var p = new float[model.Slots * model.Classes];
        var text = "ABC12A";
        for (var s = 0; s < model.Slots; s++) p[s * model.Classes + model.Alphabet.IndexOf(text[s])] = 1;
        var result = ValidRanking.Rank(FormatRegistry.Default, scope, p, 60);
        var only = Assert.Single(result.Plates);
        Assert.Equal("ABC 12A", only.Plate);
        Assert.Equal(1.0, only.Confidence);
        var format = Assert.Single(result.Formats);
        Assert.Equal(only.Template, format.Template);
        Assert.Equal(1.0, format.Share, 12);
    }

    [Theory]
    [InlineData("se", "APA123", 2, 'B', "APB 123", "APA 123", "not issued")]     // a banned word
    [InlineData("se", "MLB456", 2, 'C', "MLC 456", "MLB 456", "specimen plate")]
    [InlineData("de", "HHHJ1", 3, 'K', "HH HK 1", "HH HJ 1", "not issued in Bavaria")]
    [InlineData("nl", "VVD12B", 2, 'F', "VVF-12-B", "VVD-12-B", "party names")]
    public void ARarerCombinationIsRankedBelowAnOrdinaryOneButNeverRefused(string country, string rare, int slot, char other, string first, string second, string note)
    {
        var model = ModelFor(country);
        var scope = FormatScope.Resolve(FormatRegistry.Default, model, country, null, null);
        // The model prefers the rare text 0.6 to 0.4.
        var result = ValidRanking.Rank(FormatRegistry.Default, scope, OneSlotInDoubt(model, rare, slot, other, 0.4f), 60);
        Assert.True(result.Complete);
        Assert.Equal([first, second], result.Plates.Select(p => p.Plate));
        var (ordinary, marked) = (result.Plates[0], result.Plates[1]);
        Assert.Equal(0.4, ordinary.Confidence, 6);
        Assert.Equal(0.6, marked.Confidence, 6);   // the model's probability, not lowered
        Assert.Empty(ordinary.Notes);
        Assert.Contains(marked.Notes, n => n.Contains(note, StringComparison.Ordinal));
        Assert.InRange(marked.Prior, double.Epsilon, 0.5);
        Assert.Equal(marked.Confidence * marked.Prior, marked.Score, 12);
    }

    [Fact]
    public void ARareTextTheModelIsSureOfStaysFirst()
    {
        // Only one reading: the structure allows it, so it is listed, with its note, whatever its prior.
        var model = ModelFor("se");
        var scope = FormatScope.Resolve(FormatRegistry.Default, model, "se", null, null);
        var result = ValidRanking.Rank(FormatRegistry.Default, scope, OneSlotInDoubt(model, "SEX456", 2, 'Y', 0f), 60);
        var only = Assert.Single(result.Plates);
        Assert.Equal("SEX 456", only.Plate);
        Assert.Equal(1.0, only.Confidence);
        Assert.NotEmpty(only.Notes);
    }

    private static List<(string Text, double Score)> BruteForce(ModelInfo model, float[] p, Func<string, bool> valid)
    {
        var (slots, classes) = (model.Slots, model.Classes);
        var options = new List<int>[slots];
        for (var s = 0; s < slots; s++)
        {
            options[s] = [.. Enumerable.Range(0, classes).Where(c => p[s * classes + c] > 0)];
        }
        var found = new List<(string, double)>();
        void Walk(int s, string text, double score, bool ended)
        {
            if (s == slots)
            {
                if (text.Length > 0 && valid(text)) found.Add((text, score));
                return;
            }
            foreach (var c in options[s])
            {
                var blank = c == model.Blank;
                if (ended && !blank) continue;
                Walk(s + 1, blank ? text : text + model.Alphabet[c], score * p[s * classes + c], ended || blank);
            }
        }
        Walk(0, "", 1.0, false);
        found.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return found;
    }
}
