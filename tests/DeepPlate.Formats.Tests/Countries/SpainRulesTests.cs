using DeepPlate.Formats;

namespace DeepPlate.Formats.Tests.Countries;

/// <summary>Spain: national series (2000-) and provincial plates, formats/data/es.jsonc.</summary>
public class SpainRulesTests
{
    private static readonly FormatRegistry Registry = FormatRegistry.Default;

    private const string NationalLetters = "BCDFGHJKLMNPRSTVWXYZ";

    [Theory]
    [InlineData("4817 KLM", "4817 KLM")]
    [InlineData("0000 BBB", "0000 BBB")]
    [InlineData("9999 ZZZ", "9999 ZZZ")]
    [InlineData("2301rwx", "2301 RWX")]
    [InlineData("5566-HJK", "5566 HJK")]
    public void National_plates_are_four_digits_and_three_consonants(string text, string canonical)
    {
        var check = Registry.Check("es", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("current", check.Template?.Id);
        Assert.Equal(canonical, check.Canonical);
    }

    [Theory]
    [InlineData("R 4817 BCD", "R 4817 BCD")]
    [InlineData("h-2210-bbc", "H 2210 BBC")]
    [InlineData("C0412FJK", "C 0412 FJK")]
    public void Special_colour_plates_put_a_category_letter_before_the_national_series(string text, string canonical)
    {
        var check = Registry.Check("es", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("special", check.Template?.Id);
        Assert.Equal(canonical, check.Canonical);
        // Only the category letters, and the national series' consonants after the number.
        Assert.False(Registry.Check("es", "K 4817 BCD").IsValid);
        Assert.False(Registry.Check("es", "R 4817 BCA").IsValid);
    }

    [Theory]
    [InlineData("4817 KLA")]
    [InlineData("4817 ELM")]
    [InlineData("4817 KIM")]
    [InlineData("4817 OLM")]
    [InlineData("4817 KLU")]
    [InlineData("4817 QLM")]
    [InlineData("4817 KQM")]
    [InlineData("4817 KÑM")]
    [InlineData("481 KLM")]
    [InlineData("4817 KL")]
    public void National_letters_have_no_vowels_no_Q_and_no_Ñ(string text)
    {
        var check = Registry.Check("es", text);
        Assert.False(check.IsValid, text);
        Assert.NotNull(check.Reason);
    }

    [Theory]
    [InlineData("M-4821-JX")]
    [InlineData("B-0042-A")]
    [InlineData("SE-9999-ZZ")]
    [InlineData("GE-1234-AB")]
    [InlineData("GI-1234-AB")]
    [InlineData("PM-5678-BC")]
    [InlineData("IB-5678-BC")]
    [InlineData("OR-1111-E")]
    [InlineData("LO-2222-U")]
    public void Provincial_plates_start_with_a_province_code(string text)
    {
        var check = Registry.Check("es", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("provincial", check.Template?.Id);
        Assert.Equal(text, check.Canonical);
    }

    [Theory]
    [InlineData("M-4821-JQ")]
    [InlineData("M-4821-RA")]
    [InlineData("XX-4821-AB")]
    [InlineData("RM-4821-AB")]
    [InlineData("M-4821-ABC")]
    [InlineData("M-482-AB")]
    public void Provincial_counters_never_use_Q_or_R_and_codes_come_from_the_list(string text)
    {
        Assert.False(Registry.Check("es", text).IsValid, text);
    }

    [Fact]
    public void Old_provincial_numbers_predate_the_newer_codes()
    {
        var check = Registry.Check("es", "B-374512");
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("old-provincial", check.Template?.Id);
        Assert.False(Registry.Check("es", "IB-374512").IsValid);  // Illes Balears code dates from 1997
        Assert.False(Registry.Check("es", "B-1374512").IsValid);
    }

    [Fact]
    public void The_province_list_has_the_55_codes_including_superseded_ones()
    {
        var prov = Registry.Country("es").Lists["prov"].Entries;
        Assert.Equal(55, prov.Count);
        Assert.Equal(prov.Count, prov.Distinct().Count());
        foreach (var code in new[] { "M", "B", "GE", "GI", "PM", "IB", "OR", "OU", "LO", "CE", "ML" }) Assert.Contains(code, prov);
    }

    [Fact]
    public void Samples_of_the_national_series_have_only_the_twenty_consonants()
    {
        var samples = Registry.Samples("es", seed: 1, count: 2000);
        var national = samples.Where(s => s.Template.Id == "current").ToList();
        Assert.True(national.Count > 1400, $"{national.Count} national samples of 2000");
        Assert.Contains(samples, s => s.Template.Id == "provincial");
        Assert.All(national, s =>
        {
            Assert.Matches("^[0-9]{4} [A-Z]{3}$", s.Text);
            Assert.All(s.Text[5..], c => Assert.Contains(c, NationalLetters));
        });
        Assert.All(samples.Where(s => s.Template.Id == "provincial"), s =>
        {
            Assert.Matches("^[A-Z]{1,2}-[0-9]{4}-[A-PS-Z]{1,2}$", s.Text);
        });
        Assert.DoesNotContain(samples, s => s.Compact.Contains('Q') || s.Compact.Contains('Ñ'));
    }
}
