using DeepPlate.Formats;

namespace DeepPlate.Formats.Tests;

/// <summary>
/// The rules that set US plates apart (formats/data/us.jsonc and formats/data/us/*.jsonc): one file per state and
/// DC, each with its own serial formats, letters and look; a plate is checked against one state or, without a
/// state, against all of them.
/// </summary>
public class UnitedStatesRulesTests
{
    private static readonly FormatRegistry Registry = FormatRegistry.Default;

    private static CountryFormat Us => Registry.Country("us");

    private static readonly string[] PostalCodes =
    [
        "ak", "al", "ar", "az", "ca", "co", "ct", "dc", "de", "fl", "ga", "hi", "ia", "id", "il", "in", "ks", "ky", "la",
        "ma", "md", "me", "mi", "mn", "mo", "ms", "mt", "nc", "nd", "ne", "nh", "nj", "nm", "nv", "ny", "oh", "ok", "or",
        "pa", "ri", "sc", "sd", "tn", "tx", "ut", "va", "vt", "wa", "wi", "wv", "wy",
    ];

    public static TheoryData<string> StateCodes => [.. PostalCodes];

    /// <summary>
    /// The check against a state's serial templates alone. Every state also issues personalised (vanity) plates of
    /// 2 to 7 free letters and digits, which any such text is; the serial rules are what tells a standard plate
    /// apart, so they are tested without the vanity template. Invalid: the reasons of every serial template.
    /// </summary>
    private static PlateCheck Serial(string text, string state)
    {
        var reasons = new List<string>();
        foreach (var t in Us.State(state).Templates.Where(t => t.Id != "vanity"))
        {
            var check = Registry.Check("us", text, state, t.Id);
            if (check.IsValid) return check;
            reasons.Add(check.Reason!);
        }
        return Registry.Check("us", text, state) with { IsValid = false, Template = null, Canonical = null, Reason = string.Join("; ", reasons) };
    }

    [Fact]
    public void Every_state_has_vanity_plates_that_accept_free_letters_and_digits()
    {
        foreach (var state in Us.States)
        {
            var vanity = Registry.Check("us", "QI0O7", state.Code, "vanity");
            Assert.True(vanity.IsValid, $"{state.Code}: {vanity.Reason}");
            Assert.False(Registry.Check("us", "ABCDEFGH", state.Code, "vanity").IsValid, $"{state.Code}: 8 characters");
            Assert.False(Registry.Check("us", "A", state.Code, "vanity").IsValid, $"{state.Code}: 1 character");
        }
    }

    [Fact]
    public void There_are_exactly_the_fifty_states_and_dc_with_unique_codes()
    {
        var codes = Us.States.Select(s => s.Code).ToList();
        Assert.Equal(51, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(PostalCodes.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        Assert.Equal("District of Columbia", Us.State("dc").Name);
        Assert.Equal("California", Us.State("CA").Name);
    }

    [Fact]
    public void The_country_templates_are_exactly_the_state_templates()
    {
        Assert.Equal(Us.States.Sum(s => s.Templates.Count), Us.Templates.Count);
        Assert.All(Us.States, s => Assert.All(s.Templates, t => Assert.Equal(s.Code, t.State)));
        Assert.All(Us.Templates, t => Assert.NotNull(t.State));
    }

    [Theory]
    [MemberData(nameof(StateCodes))]
    public void Every_state_has_a_current_template_a_weight_and_a_us_size_plate(string code)
    {
        var state = Us.State(code);
        Assert.Contains(state.Templates, t => t.Status == TemplateStatus.Current);
        Assert.True(state.Weight > 0);
        Assert.Equal(304.8, state.Plate.WidthMm, 1);
        Assert.Equal(152.4, state.Plate.HeightMm, 1);
        Assert.Contains(state.Typeface.Font, new[] { "us-flat", "us-embossed", "us-penitentiary", "us-highway" });
        Assert.All(state.Templates, t => Assert.InRange(t.MaxLength, 1, 8));
    }

    [Fact]
    public void State_weights_are_2020_populations_in_millions()
    {
        // 331.4 million in the 2020 census; the largest state is California, the smallest Wyoming.
        Assert.InRange(Us.States.Sum(s => s.Weight), 325, 338);
        Assert.Equal("ca", Us.States.MaxBy(s => s.Weight)!.Code);
        Assert.Equal("wy", Us.States.MinBy(s => s.Weight)!.Code);
        Assert.InRange(Us.State("tx").Weight, 28, 30.5);
    }

    [Theory]
    [InlineData("ca", "7ABC123", "7ABC123")]
    [InlineData("ca", "8xyz456", "8XYZ456")]
    [InlineData("ca", "6RIT751", "6RIT751")] // I, O only as the middle letter
    [InlineData("tx", "ABC-1234", "ABC-1234")]
    [InlineData("tx", "abc1234", "ABC-1234")]
    [InlineData("tx", "BC1-D234", "BC1-D234")]
    [InlineData("ny", "ABC-1234", "ABC-1234")]
    [InlineData("ny", "KTW 4821", "KTW-4821")]
    [InlineData("fl", "ABC D12", "ABC D12")]
    [InlineData("fl", "abcd12", "ABC D12")]
    [InlineData("il", "AB 12345", "AB 12345")]
    [InlineData("il", "AB12345", "AB 12345")]
    [InlineData("il", "A12 3456", "A12 3456")]
    [InlineData("nj", "A12-BCD", "A12 BCD")] // the state outline is a gap, not a printed dash
    [InlineData("nj", "a12bcd", "A12 BCD")]
    [InlineData("az", "C7K 4BM", "C7K 4BM")]
    [InlineData("az", "BKW7TZ2", "BKW7TZ2")]
    [InlineData("az", "CFY8317", "CFY8317")]
    [InlineData("pa", "KTW-4821", "KTW-4821")]
    [InlineData("oh", "FIP 7374", "FIP 7374")]
    [InlineData("ga", "ARQ 4169", "ARQ 4169")]
    [InlineData("ga", "ABC1234", "ABC 1234")]
    [InlineData("mi", "CQU 4821", "CQU 4821")]
    [InlineData("mi", "3KQ L39", "3KQ L39")]
    [InlineData("nc", "PKT-4821", "PKT-4821")]
    [InlineData("va", "UXW-4821", "UXW-4821")]
    [InlineData("wa", "BKW 4821", "BKW 4821")]
    [InlineData("wa", "ABC1234", "ABC 1234")]
    [InlineData("ma", "2BKW 47", "2BKW 47")]
    [InlineData("ma", "123 AB4", "123 AB4")]
    [InlineData("tn", "BQK 4821", "BQK 4821")]
    [InlineData("md", "2BK4821", "2BK4821")]
    [InlineData("co", "BRK-M42", "BRK-M42")]
    [InlineData("mn", "482-KTW", "482-KTW")]
    [InlineData("wi", "AKW-4821", "AKW-4821")]
    [InlineData("in", "482QTK", "482QTK")]
    [InlineData("mo", "KT4 R7W", "KT4 R7W")]
    [InlineData("ct", "AU-38127", "AU 38127")]
    [InlineData("de", "704215", "704215")]
    [InlineData("dc", "GK-4821", "GK-4821")]
    [InlineData("hi", "RQT 582", "RQT 582")]
    [InlineData("id", "1A 73215", "1A 73215")]
    [InlineData("id", "K 123456", "K 123456")]
    [InlineData("al", "1A2345B", "1A2345B")]
    [InlineData("al", "47A123B", "47A123B")]
    [InlineData("sd", "49K 217", "49K 217")]
    [InlineData("wy", "2 12345", "2 12345")]
    [InlineData("wv", "NKT 482", "NKT 482")] // N = November expiry
    public void Real_looking_current_plates_are_accepted_for_their_state(string state, string text, string canonical)
    {
        var check = Registry.Check("us", text, state: state);
        Assert.True(check.IsValid, $"{state} {text}: {check.Reason}");
        Assert.Equal(state, check.Template!.State);
        Assert.Equal(canonical, check.Canonical);

        // Without a state the plate is still found, in some state.
        var any = Registry.Check("us", text);
        Assert.True(any.IsValid, $"{text}: {any.Reason}");
        Assert.NotNull(any.Template!.State);
    }

    [Theory]
    [InlineData("ca", "ABC-1234")] // Texas/New York shape
    [InlineData("ca", "7ABC12")] // too short
    [InlineData("ca", "7ABC1234")] // too long
    [InlineData("ca", "0ABC123")] // the first digit runs 1-9
    [InlineData("ca", "7A-BC123")] // a separator where the plate has no gap
    [InlineData("tx", "7ABC123")] // California shape
    [InlineData("tx", "AB 12345")] // Illinois shape
    [InlineData("tx", "ABC-12345")]
    [InlineData("ny", "A12-BCD")] // New Jersey shape
    [InlineData("ny", "ABCD-123")]
    [InlineData("fl", "ABC-1234")]
    [InlineData("nj", "ABC-1234")]
    [InlineData("nj", "A12-BC1")]
    [InlineData("az", "C7K B4M")] // the 4th character is always a digit
    [InlineData("pa", "7ABC123")]
    [InlineData("md", "ABC-1234")]
    [InlineData("de", "012345")] // no leading zero
    [InlineData("de", "1234567")]
    [InlineData("wv", "AKT 482")] // the first character is a month code: 1-9, O, N, D
    [InlineData("id", "3Z 12345")] // not an Idaho county code
    [InlineData("al", "68A123B")] // Alabama has 67 counties
    public void Wrong_shapes_and_other_states_plates_are_rejected(string state, string text)
    {
        var check = Serial(text, state);
        Assert.False(check.IsValid, $"{state} {text} should be invalid");
        Assert.Null(check.Template);
        Assert.False(string.IsNullOrWhiteSpace(check.Reason));
    }

    [Theory]
    [InlineData("az", "CFY-8317", "CFY8317")]   // ABC1234 has no gap, but people type one between letters and digits
    [InlineData("il", "A 123456", "A12 3456")]  // a separator between the letter and the digits, none at the gap
    public void A_separator_between_letters_and_digits_is_accepted_and_printed_as_the_template_does(string state, string text, string canonical)
    {
        var check = NotIssuedAssert.Ordinary("us", text, state: state);
        Assert.Equal(canonical, check.Canonical);
    }

    [Fact]
    public void Mississippi_666_is_valid_with_a_note()
    {
        NotIssuedAssert.ValidWithNote("us", "MQT 6661", "666", state: "ms");
        NotIssuedAssert.Ordinary("us", "MQT 6671", state: "ms");
    }

    [Theory]
    [InlineData("ca", "7IBC123")] // I, O, Q only as the middle letter
    [InlineData("ca", "7ABO123")]
    [InlineData("tx", "AIC-1234")]
    [InlineData("ny", "OBC-1234")]
    [InlineData("ny", "ABQ-1234")]
    [InlineData("pa", "ABQ-1234")]
    [InlineData("pa", "AUC-1234")] // Pennsylvania also skips U
    [InlineData("md", "2BU4821")] // and Maryland
    [InlineData("md", "2IK4821")]
    [InlineData("va", "ABQ-1234")]
    [InlineData("va", "AOC-1234")]
    [InlineData("mi", "OBC 1234")] // Michigan uses Q and U but not I or O
    [InlineData("mi", "IBC 1234")]
    [InlineData("hi", "IBC 123")]
    [InlineData("nj", "A12-BOD")]
    [InlineData("il", "IO 12345")]
    public void Letters_a_state_excludes_are_rejected(string state, string text)
    {
        Assert.False(Serial(text, state).IsValid, $"{state} {text}");
    }

    [Theory]
    [InlineData("AUC1234")] // ABC1234 series
    [InlineData("CU7 4BM")] // random six
    [InlineData("BKW7TU2")] // random seven
    [InlineData("UKW7TZ2")]
    [InlineData("482-HJU")] // 123-ABC series
    public void Arizona_also_skips_u(string text)
    {
        var check = Serial(text, "az");
        Assert.False(check.IsValid, text);
        Assert.Contains("U", check.Reason);
        // The same text with another letter is an Arizona plate.
        Assert.True(Registry.Check("us", text.Replace('U', 'V'), state: "az").IsValid, text.Replace('U', 'V'));
    }

    [Theory]
    [InlineData("oh", "FIQ 7374", "wa")] // Ohio uses I and Q; Washington, same shape, does not
    [InlineData("ks", "845 CUQ", "ky")] // Kansas uses Q and U
    [InlineData("ne", "SLI 061", "vt")] // Nebraska uses I
    [InlineData("sc", "GIQ 157", "vt")] // South Carolina uses I and Q
    public void Some_states_do_use_letters_most_states_skip(string state, string text, string sameShapeState)
    {
        Assert.True(Registry.Check("us", text, state: state).IsValid, $"{state} {text}");
        // A state of the same shape with the country's letters (US_TYP, without I, O, Q) rejects it.
        Assert.False(Serial(text, sameShapeState).IsValid, $"{sameShapeState} {text}");
        Assert.True(Registry.Check("us", text.Replace('I', 'J').Replace('Q', 'R'), state: sameShapeState).IsValid, sameShapeState);
    }

    [Theory]
    [InlineData("6SOX164")]
    [InlineData("3XOV871")]
    [InlineData("6RIT751")]
    public void California_uses_i_and_o_only_as_the_middle_letter(string text)
    {
        Assert.True(Registry.Check("us", text, state: "ca").IsValid, text);
        var moved = $"{text[0]}{text[2]}{text[1]}{text[3..]}";
        Assert.False(Serial(moved, "ca").IsValid, moved);
    }

    [Theory]
    [InlineData("CFY8317", "lll-dddd")] // fits the random format too; the older, commoner series wins
    [InlineData("BKW7TZ2", "random-7")]
    [InlineData("C7K 4BM", "random-6")]
    public void Arizona_plates_are_reported_with_their_series(string text, string id)
    {
        Assert.Equal(id, Registry.Check("us", text, state: "az").Template!.Id);
    }

    [Fact]
    public void Checking_an_unknown_state_throws()
    {
        Assert.Throws<UnknownStateException>(() => Registry.Check("us", "7ABC123", state: "zz"));
        Assert.Throws<UnknownStateException>(() => Registry.Samples("us", seed: 1, count: 1, state: "xx"));
    }

    [Theory]
    [MemberData(nameof(StateCodes))]
    public void Samples_of_a_state_are_valid_for_that_state_and_found_without_a_state(string code)
    {
        var samples = Registry.Samples("us", seed: 1, count: 1000, state: code);
        Assert.Equal(1000, samples.Count);
        foreach (var sample in samples)
        {
            Assert.Equal(code, sample.Template.State);
            // A vanity text may also be a serial (first listed wins without separators): its own template prints it so.
            Assert.True(Registry.Check("us", sample.Text, state: code).IsValid, $"{code} {sample.Text}");
            var check = Registry.Check("us", sample.Text, code, sample.Template.Id);
            Assert.True(check.IsValid, $"{code} {sample.Text}: {check.Reason}");
            Assert.Equal(sample.Text, check.Canonical);
            Assert.True(Registry.Check("us", sample.Compact, state: code).IsValid, $"{code} {sample.Compact}");

            var any = Registry.Check("us", sample.Text);
            Assert.True(any.IsValid, $"{sample.Text}: {any.Reason}");
            Assert.NotNull(any.Template!.State);
        }
        // Every template of the state is drawn (the rarest weighs at least 1 % of its state).
        Assert.Equal(
            Us.State(code).Templates.Select(t => t.Id).Order(StringComparer.Ordinal),
            samples.Select(s => s.Template.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Country_samples_follow_the_state_weights()
    {
        const int n = 6000;
        var samples = Registry.Samples("us", seed: 5, count: n);
        var total = Us.States.Sum(s => s.Weight);
        foreach (var code in new[] { "ca", "tx", "fl", "ny" })
        {
            var expected = Us.State(code).Weight / total;
            var seen = samples.Count(s => s.Template.State == code) / (double)n;
            // The binomial standard error at n = 6000 is at most 0.5 %; allow five of them.
            Assert.InRange(seen, expected - 0.025, expected + 0.025);
        }
        Assert.True(samples.Select(s => s.Template.State).Distinct().Count() >= 45, "most states should appear");
        Assert.All(samples, s => Assert.True(Registry.Check("us", s.Text).IsValid, s.Text));
    }

    [Fact]
    public void California_is_embossed_in_its_own_typeface_and_new_jersey_is_pale_gold()
    {
        Assert.Equal("us-penitentiary", Us.State("ca").Typeface.Font);
        Assert.Equal("us-flat", Us.Typeface.Font);
        Assert.Equal(70, Us.Typeface.HeightMm);
        Assert.Equal(PlateColor.Parse("#FFFFFF"), Us.Plate.Background);
        Assert.NotEqual(Us.Plate.Background, Us.State("nj").Plate.Background);
        Assert.NotEqual(Us.Plate.Background, Us.State("ny").Plate.Background);
        Assert.Equal(Us.Plate.Background, Us.State("tx").Plate.Background);
    }
}
