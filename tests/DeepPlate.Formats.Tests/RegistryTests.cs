using DeepPlate.Formats;

namespace DeepPlate.Formats.Tests;

/// <summary>Every shipped data file loads, validates, and behaves: generic rules over all countries and states.</summary>
public class RegistryTests
{
    private static readonly FormatRegistry Registry = FormatRegistry.Default;

    public static TheoryData<string> CountryCodes => ["fr", "de", "it", "nl", "es", "se", "uk", "us"];

    public static TheoryData<string> AllTemplates()
    {
        var data = new TheoryData<string>();
        foreach (var c in Registry.Countries)
        {
            foreach (var t in c.Templates) data.Add($"{c.Code}:{t.QualifiedId}");
        }
        return data;
    }

    [Fact]
    public void The_eight_countries_are_there_ordered_by_code()
    {
        // A country added as data (training/README.md, "Adding a country") joins them: no test names every country.
        var codes = Registry.Countries.Select(c => c.Code).ToList();
        Assert.Subset(codes.ToHashSet(), new HashSet<string> { "de", "es", "fr", "it", "nl", "se", "uk", "us" });
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Theory]
    [MemberData(nameof(CountryCodes))]
    public void Every_country_has_current_templates_with_sources_and_a_real_plate_size(string code)
    {
        var c = Registry.Country(code);
        Assert.Contains(c.Templates, t => t.Status == TemplateStatus.Current);
        Assert.All(c.Templates, t => Assert.False(string.IsNullOrWhiteSpace(t.Source)));
        Assert.InRange(c.Plate.WidthMm, 250, 600);
        Assert.InRange(c.Plate.Aspect, 1.5, 5.5);
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Sampled_texts_match_their_own_template_and_no_other_rule_rejects_them(string key)
    {
        var (country, template) = Split(key);
        var random = DeterministicRandom.For(7, 0);
        for (var i = 0; i < 300; i++)
        {
            var sample = TextSampler.Sample(template, ref random);
            var check = Registry.Check(country.Code, sample.Text, template: template.QualifiedId);
            Assert.True(check.IsValid, $"{sample.Text}: {check.Reason}");
            Assert.Equal(sample.Text, check.Canonical);
            Assert.Equal(TextNormalizer.Compact(sample.Text), sample.Compact);
            // Without separators it is still a plate of this template.
            Assert.True(Registry.Check(country.Code, sample.Compact, template: template.QualifiedId).IsValid, sample.Compact);
        }
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Every_template_fits_the_model_alphabet_and_slots(string key)
    {
        var (country, template) = Split(key);
        var alphabet = ModelAlphabet.For(country);
        Assert.True(template.MaxLength <= alphabet.Slots);
        Assert.All(template.Alphabet.Chars, c => Assert.Contains(c, alphabet.Characters));
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Each_example_is_valid_in_lower_case_and_without_separators(string key)
    {
        var (country, template) = Split(key);
        Assert.True(Registry.Check(country.Code, template.Example.ToLowerInvariant(), template.State).IsValid, template.Example);
        Assert.True(Registry.Check(country.Code, TextNormalizer.Compact(template.Example), template.State).IsValid, template.Example);
    }

    [Theory]
    [MemberData(nameof(CountryCodes))]
    public void Sampling_is_a_pure_function_of_seed_and_index(string code)
    {
        var a = Registry.Samples(code, seed: 42, count: 200).Select(s => s.Text).ToList();
        var b = Enumerable.Range(0, 200).Reverse().Select(i => Registry.SampleAt(code, 42, i).Text).Reverse().ToList();
        var other = Registry.Samples(code, seed: 43, count: 200).Select(s => s.Text).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.True(a.Distinct().Count() > 150, "samples should vary");
    }

    [Theory]
    [MemberData(nameof(CountryCodes))]
    public void Samples_follow_the_template_weights(string code)
    {
        var c = Registry.Country(code);
        if (c.HasStates) return;
        var samples = Registry.Samples(code, seed: 3, count: 4000);
        var total = c.Templates.Sum(t => t.Weight);
        foreach (var t in c.Templates)
        {
            var expected = t.Weight / total;
            var seen = samples.Count(s => s.Template == t) / 4000.0;
            // Binomial standard error at n = 4000 is at most 0.8 %; allow five of them.
            Assert.InRange(seen, expected - 0.04, expected + 0.04);
        }
    }

    [Theory]
    [InlineData("fr", 0.5)]
    [InlineData("es", 0.25)]
    public void Tempered_draws_follow_the_weights_raised_to_the_power(string code, double temper)
    {
        var c = Registry.Country(code);
        var seen = new Dictionary<PlateTemplate, int>();
        for (var i = 0; i < 4000; i++)
        {
            var random = DeterministicRandom.For(3, i);
            var t = TextSampler.PickTemplate(c, null, ref random, temper);
            seen[t] = seen.GetValueOrDefault(t) + 1;
        }
        var total = c.Templates.Sum(t => Math.Pow(t.Weight, temper));
        foreach (var t in c.Templates)
        {
            Assert.InRange(seen.GetValueOrDefault(t) / 4000.0, Math.Pow(t.Weight, temper) / total - 0.04, Math.Pow(t.Weight, temper) / total + 0.04);
        }
        // The rarest template is drawn more often tempered than as issued, or the test shows nothing.
        var rarest = c.Templates.MinBy(t => t.Weight)!;
        Assert.True(Math.Pow(rarest.Weight, temper) / total > 2 * rarest.Weight / c.Templates.Sum(t => t.Weight), $"{code}: pick a country whose rarest template gains");
    }

    [Theory]
    [InlineData("fr", 0.5)]
    [InlineData("us", 0.5)]
    public void Tempered_draws_weighted_by_issued_over_drawn_have_the_issued_frequencies(string code, double temper)
    {
        // The US draws a state, then one of its templates: the weight covers both draws.
        var c = Registry.Country(code);
        var (weighted, tempered, n) = (new Dictionary<PlateTemplate, double>(), new Dictionary<PlateTemplate, int>(), 20000);
        for (var i = 0; i < n; i++)
        {
            var random = DeterministicRandom.For(7, i);
            var t = TextSampler.PickTemplate(c, null, ref random, temper, out var w);
            weighted[t] = weighted.GetValueOrDefault(t) + w;
            tempered[t] = tempered.GetValueOrDefault(t) + 1;
        }
        var issued = Issued(c);
        // The most common template as issued, and the templates of short serials (US personalised plates of 2-5
        // characters), whose tempered share is several times the issued one: weighted, both come back to it.
        var common = issued.MaxBy(kv => kv.Value).Key;
        var rare = issued.Keys.Where(t => tempered.GetValueOrDefault(t) > 2 * issued[t] * n).ToList();
        Assert.NotEmpty(rare);
        foreach (var t in rare.Append(common))
        {
            var p = issued[t];
            var sharesTolerance = 5 * Math.Sqrt(p * (1 - p) / n) * 3; // five binomial errors, widened for the weights' spread
            Assert.InRange(weighted.GetValueOrDefault(t) / n, p - sharesTolerance, p + sharesTolerance);
        }
        Assert.InRange(rare.Sum(t => weighted.GetValueOrDefault(t)) / n, 0.8 * rare.Sum(t => issued[t]), 1.25 * rare.Sum(t => issued[t]));

        var plain = DeterministicRandom.For(7, 0);
        TextSampler.PickTemplate(c, null, ref plain, 1, out var one);
        Assert.Equal(1, one);
    }

    [Fact]
    public void The_US_file_teaches_the_drawn_prior_and_the_others_the_issued_one()
    {
        // What training does with it (every US plate weighs 1): TrainingStepTests.
        Assert.Equal(TaughtPrior.Drawn, Registry.Country("us").Prior);
        Assert.All(Registry.Countries.Where(c => c.Code != "us"), c => Assert.Equal(TaughtPrior.Issued, c.Prior));
    }

    /// <summary>Each template's share of issued plates (for the US: its state's share times its share in the state).</summary>
    private static Dictionary<PlateTemplate, double> Issued(CountryFormat c)
    {
        var shares = new Dictionary<PlateTemplate, double>();
        var groups = c.HasStates ? c.States.Select(s => (s.Weight, s.Templates)).ToList() : [(1.0, c.Templates)];
        var groupTotal = groups.Sum(g => g.Item1);
        foreach (var (weight, templates) in groups)
        {
            var total = templates.Sum(t => t.Weight);
            foreach (var t in templates) shares[t] = shares.GetValueOrDefault(t) + weight / groupTotal * t.Weight / total;
        }
        return shares;
    }

    [Fact]
    public void Untempered_draws_are_those_of_the_plain_stream()
    {
        var c = Registry.Country("us");
        for (var i = 0; i < 200; i++)
        {
            var a = DeterministicRandom.For(5, i);
            var b = DeterministicRandom.For(5, i);
            Assert.Same(TextSampler.PickTemplate(c, null, ref a), TextSampler.PickTemplate(c, null, ref b, 1));
            Assert.Equal(a.NextDouble(), b.NextDouble());
        }
    }

    [Fact]
    public void Unknown_country_state_and_template_are_clear_errors()
    {
        var e = Assert.Throws<UnknownCountryException>(() => Registry.Country("xx"));
        Assert.Contains("de", e.Message);
        Assert.Throws<UnknownStateException>(() => Registry.Check("us", "ABC1234", state: "zz"));
        Assert.Throws<UnknownStateException>(() => Registry.Check("de", "B AB 1", state: "ca"));
        Assert.Throws<UnknownTemplateException>(() => Registry.Check("de", "B AB 1", template: "nope"));
    }

    [Fact]
    public void Country_codes_ignore_case_and_gb_means_uk()
    {
        Assert.Same(Registry.Country("uk"), Registry.Country("GB"));
        Assert.Same(Registry.Country("de"), Registry.Country(" DE "));
    }

    [Fact]
    public void Hashes_are_per_country_and_stable()
    {
        var again = FormatRegistry.Load(Registry.Directory);
        Assert.Equal(Registry.Countries.Select(c => c.Sha256), again.Countries.Select(c => c.Sha256));
        Assert.Equal(Registry.Countries.Count, Registry.Countries.Select(c => c.Sha256).Distinct().Count());
    }

    [Fact]
    public void Empty_and_foreign_texts_give_reasons()
    {
        Assert.Equal("the text is empty", Registry.Check("fr", " - ").Reason);
        var check = Registry.Check("fr", "AB-123-C#");
        Assert.False(check.IsValid);
        Assert.Contains("'#'", check.Reason);
        Assert.Contains("characters", Registry.Check("fr", "A").Reason);
    }

    private static (CountryFormat, PlateTemplate) Split(string key)
    {
        var country = Registry.Country(key[..key.IndexOf(':')]);
        return (country, country.Template(key[(key.IndexOf(':') + 1)..]));
    }
}
