using DeepPlate.Formats;

namespace DeepPlate.Formats.Tests.Countries;

/// <summary>Italy: national series (1994-, restyled 1999) and provincial plates (before 1994), formats/data/it.jsonc.</summary>
public class ItalyRulesTests
{
    private static readonly FormatRegistry Registry = FormatRegistry.Default;

    private const string NeverUsed = "IOQU";

    [Theory]
    [InlineData("GK 427ZT", "GK 427ZT")]
    [InlineData("GK·427ZT", "GK 427ZT")]
    [InlineData("gk427zt", "GK 427ZT")]
    [InlineData("DW 015MH", "DW 015MH")]
    [InlineData("WZ 999ZZ", "WZ 999ZZ")]
    [InlineData("ED 123AB", "ED 123AB")]
    public void Current_plates_are_accepted_with_the_emblem_gap_as_a_space(string text, string canonical)
    {
        var check = Registry.Check("it", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("current", check.Template?.Id);
        Assert.Equal(canonical, check.Canonical);
    }

    [Theory]
    [InlineData("GI 427ZT")]
    [InlineData("IK 427ZT")]
    [InlineData("GK 427OT")]
    [InlineData("OK 427ZT")]
    [InlineData("GQ 427ZT")]
    [InlineData("GK 427ZQ")]
    [InlineData("GU 427ZT")]
    [InlineData("GK 427UT")]
    public void Current_never_uses_I_O_Q_or_U(string text)
    {
        var check = Registry.Check("it", text);
        Assert.False(check.IsValid);
        Assert.NotNull(check.Reason);
    }

    [Theory]
    [InlineData("EE 123AB", "EE is skipped")]
    [InlineData("XA 123BC", "trailers")]
    [InlineData("YA 123BC", "local police")]
    [InlineData("ZA 123BC", "two-line")]
    public void The_EE_pair_and_the_X_Y_Z_series_are_valid_with_a_note(string text, string note)
    {
        NotIssuedAssert.ValidWithNote("it", text, note, "current");
    }

    [Theory]
    [InlineData("WA 123BC")]
    [InlineData("AX 123BC")]
    [InlineData("EF 123EE")]
    public void Current_accepts_the_neighbours_of_the_excluded_ones(string text)
    {
        Assert.True(Registry.Check("it", text).IsValid, text);
    }

    [Fact]
    public void A_separator_may_stand_only_at_a_gap_or_between_letters_and_digits()
    {
        Assert.False(Registry.Check("it", "GK4 27ZT").IsValid);
        Assert.False(Registry.Check("it", "GK 42 7ZT").IsValid);
        Assert.False(Registry.Check("it", "G K 427ZT").IsValid);
        // The 1994-1998 plates had a gap before the last pair, and their series only reached the B pairs.
        var y1994 = Registry.Check("it", "AK 318 PM");
        Assert.True(y1994.IsValid, y1994.Reason);
        Assert.Equal("y1994", y1994.Template?.Id);
        Assert.Equal("AK 318 PM", y1994.Canonical);
        // Typed as people write it, a current plate is still a current plate, printed without the last gap.
        var typed = NotIssuedAssert.Ordinary("it", "GK 427 ZT", "current");
        Assert.Equal("GK 427ZT", typed.Canonical);
    }

    [Theory]
    [InlineData("MI 451278", "provincial")]
    [InlineData("ROMA 451278", "provincial")]
    [InlineData("AO 12345", "provincial-short")]
    [InlineData("IS 4821", "provincial-short")]
    [InlineData("SS 012345", "provincial")]
    [InlineData("ROMA S51234", "provincial-letter")]
    [InlineData("TO A12345", "provincial-letter")]
    [InlineData("ROMA 86790E", "provincial-letter-end")]
    public void Provincial_plates_start_with_a_province(string text, string template)
    {
        var check = Registry.Check("it", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(template, check.Template?.Id);
        Assert.Equal(text, check.Canonical);
    }

    [Theory]
    [InlineData("RM 451278")]   // Rome is written ROMA
    [InlineData("XY 451278")]
    [InlineData("LC 451278")]   // Lecco got its code only after 1994
    [InlineData("MI C12345")]   // C was not a series letter
    [InlineData("MI 12345B")]   // B not used in the last position
    public void Provincial_rejects_unknown_codes_and_series_letters(string text)
    {
        Assert.False(Registry.Check("it", text).IsValid, text);
    }

    [Fact]
    public void The_province_list_writes_Rome_in_full()
    {
        var prov = Registry.Country("it").Lists["prov"].Entries;
        Assert.Equal(95, prov.Count);
        Assert.Equal(prov.Count, prov.Distinct().Count());
        Assert.Contains("ROMA", prov);
        Assert.Contains("MI", prov);
        Assert.Contains("NA", prov);
        Assert.DoesNotContain("RM", prov);
        Assert.All(prov, p => Assert.Matches("^([A-Z]{2}|ROMA)$", p));
    }

    [Fact]
    public void Samples_of_the_national_series_never_use_I_O_Q_U_nor_EE_nor_X_Y_Z_first()
    {
        var samples = Registry.Samples("it", seed: 1, count: 2000);
        var national = samples.Where(s => s.Template.Id is "current" or "y1994").ToList();
        Assert.True(national.Count > 1800, $"{national.Count} national-series samples of 2000");
        Assert.Contains(samples, s => s.Template.Id == "current");
        Assert.All(national, s =>
        {
            Assert.DoesNotContain(s.Compact, c => NeverUsed.Contains(c));
            Assert.False(s.Compact.StartsWith("EE"), s.Text);
        });
        Assert.All(samples.Where(s => s.Template.Id == "current"), s =>
        {
            Assert.Matches("^[A-HJ-NPR-TV-W][A-HJ-NPR-TV-Z] [0-9]{3}[A-HJ-NPR-TV-Z]{2}$", s.Text);
        });
        Assert.All(samples.Where(s => s.Template.Id == "y1994"), s =>
        {
            Assert.Matches("^[AB][A-HJ-NPR-TV-Z] [0-9]{3} [A-HJ-NPR-TV-Z]{2}$", s.Text);
        });
    }
}
