using DeepPlate.Formats;

namespace DeepPlate.Formats.Tests.Countries;

/// <summary>Netherlands: passenger-car sidecodes 1-11 and the commercial series of 7-12, formats/data/nl.jsonc.</summary>
public class NetherlandsRulesTests
{
    private static readonly FormatRegistry Registry = FormatRegistry.Default;

    private const string Vowels = "AEIOUY";

    [Theory]
    [InlineData("NH-47-12", "sc1")]
    [InlineData("23-45-HB", "sc2")]
    [InlineData("52-HK-17", "sc3")]
    [InlineData("HT-45-JZ", "sc4")]
    [InlineData("PL-FJ-28", "sc5")]
    [InlineData("41-PJ-HN", "sc6")]
    [InlineData("63-KSR-5", "sc7")]
    [InlineData("3-TKN-84", "sc8")]
    [InlineData("GB-001-B", "sc9")]
    [InlineData("G-001-BB", "sc10")]
    [InlineData("GBB-01-B", "sc11")]
    [InlineData("ZTN-42-H", "sc11")]
    public void Each_car_sidecode_is_accepted_and_recognised(string text, string sidecode)
    {
        var check = Registry.Check("nl", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(sidecode, check.Template?.Id);
        Assert.Equal(text, check.Canonical);
        // Typed without hyphens, the sidecode still decides where they go.
        var compact = Registry.Check("nl", text.Replace("-", "").ToLowerInvariant());
        Assert.True(compact.IsValid, compact.Reason);
        Assert.Equal(text, compact.Canonical);
    }

    [Fact]
    public void Sidecode_twelve_is_commercial_only_and_thirteen_fourteen_are_not_modelled()
    {
        var ids = Registry.Country("nl").Templates.Select(t => t.Id).ToList();
        Assert.Equal(["sc1", "sc2", "sc3", "sc4", "sc5", "sc6", "sc7", "sc8", "sc9", "sc10", "sc11",
            "sc7-comm", "sc8-comm", "sc9-comm", "sc10-comm", "sc11-comm", "sc12-comm"], ids);
        Assert.False(Registry.Check("nl", "G-12-BBB").IsValid);   // sidecode 12 is not issued to cars
        Assert.Equal("sc12-comm", Registry.Check("nl", "V-01-DBB").Template?.Id);
        Assert.False(Registry.Check("nl", "1-GB-123").IsValid);   // sidecode 13
        Assert.False(Registry.Check("nl", "123-GB-1").IsValid);   // sidecode 14
    }

    [Theory]
    [InlineData("12-GVD-3", "12-GXD-3")]
    [InlineData("12-KKK-3", "12-KKL-3")]
    [InlineData("45-KVT-1", "45-KVX-1")]
    [InlineData("45-LPF-1", "45-LPG-1")]
    [InlineData("7-TBS-12", "7-TBX-12")]
    [InlineData("NSB-12-X", "NSF-12-X")]
    [InlineData("PKK-12-X", "PKL-12-X")]
    [InlineData("12-PSV-3", "12-PSX-3")]
    [InlineData("SS-123-B", "SX-123-B")]
    [InlineData("GB-12-SD", "GB-12-SF")]
    [InlineData("GSS-12-B", "GSX-12-B")]
    [InlineData("N-123-SD", "N-123-DS")]
    [InlineData("PVV-12-B", "PVX-12-B")]
    [InlineData("SGP-12-B", "SGR-12-B")]
    public void Banned_combinations_are_valid_with_a_note_and_their_neighbours_are_ordinary(string banned, string neighbour)
    {
        var check = NotIssuedAssert.ValidWithNote("nl", banned, "not issued");
        var plain = NotIssuedAssert.Ordinary("nl", neighbour);
        Assert.Equal(check.Template?.Id, plain.Template?.Id);
    }

    [Fact]
    public void Party_names_are_marked_only_in_the_newest_series()
    {
        // VVD, PVV, SGP are barred "in the newest series" [NL1]; on sidecode 7 they are ordinary plates.
        NotIssuedAssert.Ordinary("nl", "12-PVV-3", "sc7");
        NotIssuedAssert.Ordinary("nl", "12-SGP-3", "sc7");
        NotIssuedAssert.ValidWithNote("nl", "VVD-12-B", "party names", "sc11-comm");
        NotIssuedAssert.ValidWithNote("nl", "V-43-BBB", "BBB", "sc12-comm");
    }

    [Theory]
    [InlineData("LBB-01-B")]
    [InlineData("TZK-12-G")]
    [InlineData("lbb01b")]
    public void Sidecode_eleven_cars_never_start_with_L_or_T(string text)
    {
        Assert.False(Registry.Check("nl", text).IsValid, text);
    }

    [Fact]
    public void L_and_T_still_start_older_car_sidecodes()
    {
        Assert.Equal("sc10", Registry.Check("nl", "L-123-BB").Template?.Id);
        Assert.Equal("sc10", Registry.Check("nl", "T-123-BB").Template?.Id);
        Assert.Equal("sc11", Registry.Check("nl", "GZK-12-G").Template?.Id);
    }

    [Theory]
    [InlineData("GA-123-B")]
    [InlineData("GB-123-E")]
    [InlineData("K-123-UB")]
    [InlineData("GBO-12-B")]
    [InlineData("12-KAB-3")]
    [InlineData("3-TKY-84")]
    [InlineData("41-PJ-HA")]
    [InlineData("PL-FI-28")]
    [InlineData("GC-123-B")]   // C and Q look like 0
    [InlineData("G-123-BQ")]
    public void Vowels_C_and_Q_are_rejected_on_modern_sidecodes(string text)
    {
        Assert.False(Registry.Check("nl", text).IsValid, text);
    }

    [Theory]
    [InlineData("M-123-GG")]   // M: motorcycles
    [InlineData("DBB-12-G")]   // D: mopeds
    [InlineData("3-GKN-84")]   // sidecode 8 cars start with K S T X Z only
    [InlineData("W-123-GG")]   // W: trailers
    public void Modern_sidecodes_start_with_a_car_or_commercial_letter(string text)
    {
        Assert.False(Registry.Check("nl", text).IsValid, text);
    }

    [Theory]
    [InlineData("12-BDF-3", "sc7-comm")]   // a van photographed on the road (issue 19)
    [InlineData("12-VBB-3", "sc7-comm")]
    [InlineData("4-VFG-52", "sc8-comm")]
    [InlineData("VD-482-K", "sc9-comm")]
    [InlineData("V-001-BB", "sc10-comm")]  // the first van plate of sidecode 10 (blikopnieuws.nl, 2016)
    [InlineData("B-123-GG", "sc10-comm")]
    [InlineData("VGT-38-N", "sc11-comm")]
    [InlineData("V-01-DBB", "sc12-comm")]  // where the van series went on after V-42-BBB (autoblog.nl, 2024)
    public void Vans_and_trucks_B_and_V_are_valid_in_every_sidecode_that_restricts_car_first_letters(string text, string template)
    {
        var check = NotIssuedAssert.Ordinary("nl", text, template);
        Assert.Equal(text, check.Canonical);
        Assert.Equal(text, Registry.Check("nl", text.Replace("-", " ")).Canonical);
        Assert.Equal(text, Registry.Check("nl", text.Replace("-", "")).Canonical);
    }

    [Fact]
    public void Samples_use_no_vowels_after_sidecode_three_and_no_banned_combination()
    {
        var samples = Registry.Samples("nl", seed: 1, count: 2000);
        var modern = samples.Where(s => s.Template.Id is not ("sc1" or "sc2" or "sc3")).ToList();
        Assert.True(modern.Count > 1900, $"{modern.Count} modern samples of 2000");
        Assert.All(samples, s =>
        {
            Assert.Matches("^[0-9A-Z]{1,3}-[0-9A-Z]{2,3}-[0-9A-Z]{1,3}$", s.Text);
            Assert.DoesNotContain("SS", s.Text);
            Assert.DoesNotContain("SD", s.Text);
        });
        Assert.All(modern, s =>
        {
            Assert.DoesNotContain(s.Compact, c => Vowels.Contains(c) && !(s.Template.Id == "sc4" && c == 'Y'));
            Assert.DoesNotContain(s.Compact, c => c is 'C' or 'Q');
        });
        Assert.All(samples.Where(s => s.Template.Id == "sc11"), s =>
        {
            Assert.Matches("^[GHJKNPRSXZ]", s.Text);
            Assert.DoesNotMatch("PVV|SGP|VVD|GVD|KKK|KVT|LPF|NSB|PKK|PSV|TBS", s.Text);
        });
    }
}
