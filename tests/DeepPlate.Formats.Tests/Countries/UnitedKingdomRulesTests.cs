using DeepPlate.Formats;

namespace DeepPlate.Formats.Tests;

/// <summary>
/// The rules that set UK plates apart (formats/data/uk.jsonc): age identifiers actually issued (51 in Sep 2001 to 76
/// in Sep 2026), no I/Q in the random letters and no I/Q/Z in the memory tag, the prefix and suffix year letters,
/// Northern Ireland's county codes with I or Z, and the "gb" alias.
/// </summary>
public class UnitedKingdomRulesTests
{
    private static readonly FormatRegistry Registry = FormatRegistry.Default;

    [Theory]
    [InlineData("AB51 CDE", "AB51 CDE")] // the first identifier, Sep 2001
    [InlineData("BD51 SMR", "BD51 SMR")]
    [InlineData("YK02 ABC", "YK02 ABC")] // Mar 2002
    [InlineData("SV54 XMK", "SV54 XMK")]
    [InlineData("LB07 XYZ", "LB07 XYZ")]
    [InlineData("MA26 ZZZ", "MA26 ZZZ")] // Mar 2026; Z is allowed in the random letters
    [InlineData("OE76 HJK", "OE76 HJK")] // Sep 2026, the latest by Nov 2026
    [InlineData("ab51cde", "AB51 CDE")]
    public void Current_marks_with_an_issued_age_identifier_are_valid(string text, string canonical)
    {
        var check = Registry.Check("uk", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("current", check.Template!.Id);
        Assert.Equal(canonical, check.Canonical);
    }

    [Theory]
    [InlineData("AB50 CDE")] // never issued: Sep 2000 was still the prefix system
    [InlineData("AB01 CDE")] // Mar 2001 was the prefix Y
    [InlineData("AB00 CDE")]
    [InlineData("AB27 CDE")] // Mar 2027: not yet issued in Nov 2026
    [InlineData("AB77 CDE")] // Sep 2027: not yet issued in Nov 2026
    [InlineData("AB99 CDE")]
    public void Age_identifiers_not_yet_issued_are_invalid(string text)
    {
        Assert.False(Registry.Check("uk", text).IsValid, text);
    }

    [Fact]
    public void The_age_identifiers_run_from_51_to_76()
    {
        var ages = Registry.Country("uk").Lists["age"].Entries;
        Assert.Equal(51, ages.Count); // 51, then 02/52 ... 26/76
        Assert.Equal("51", ages[0]);
        Assert.Equal("76", ages[^1]);
        foreach (var a in new[] { "02", "52", "20", "70", "26" }) Assert.Contains(a, ages);
        foreach (var a in new[] { "00", "01", "50", "27", "77" }) Assert.DoesNotContain(a, ages);
    }

    [Theory]
    [InlineData("AB51 CDI")]
    [InlineData("AB51 IDE")]
    [InlineData("AB51 CQE")]
    [InlineData("AB51 QQQ")]
    public void I_and_Q_are_never_random_letters(string text)
    {
        Assert.False(Registry.Check("uk", text).IsValid, text);
    }

    [Theory]
    [InlineData("AZ51 CDE")]
    [InlineData("ZA51 CDE")]
    [InlineData("AI51 CDE")]
    [InlineData("IA51 CDE")]
    [InlineData("AQ51 CDE")]
    [InlineData("QA51 CDE")]
    public void The_memory_tag_has_no_I_Q_or_Z(string text)
    {
        // Exact: typed, "AI51 CDE" would be read as the prefix plate A151 CDE.
        Assert.False(Registry.Check("uk", text, mode: PlateCheckMode.Exact).IsValid, text);
    }

    [Theory]
    [InlineData("A21 BCD", "prefix")]
    [InlineData("K482 VNR", "prefix")]
    [InlineData("Y999 YYY", "prefix")]
    [InlineData("HVK 284N", "suffix")]
    [InlineData("ABC 1A", "suffix")]
    [InlineData("KLM 999Y", "suffix")]
    public void Prefix_and_suffix_marks_are_valid(string text, string template)
    {
        var check = Registry.Check("uk", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(template, check.Template!.Id);
        Assert.Equal(text, check.Canonical);
    }

    [Theory]
    [InlineData("I123 BCD")]
    [InlineData("O123 BCD")]
    [InlineData("Q123 BCD")]
    [InlineData("U123 BCD")]
    [InlineData("Z123 BCD")]
    [InlineData("ABC 123I")]
    [InlineData("ABC 123O")]
    [InlineData("ABC 123Q")]
    [InlineData("ABC 123U")]
    [InlineData("ABC 123Z")]
    public void Year_letters_skip_I_O_Q_U_Z(string text)
    {
        Assert.False(Registry.Check("uk", text).IsValid, text);
    }

    [Theory]
    [InlineData("A012 BCD")]
    [InlineData("ABC 012A")]
    public void No_number_has_a_leading_zero(string text)
    {
        Assert.False(Registry.Check("uk", text, mode: PlateCheckMode.Exact).IsValid, text);
    }

    [Theory]
    [InlineData("A1 BCD")]
    [InlineData("A20 BCD")]
    [InlineData("K7 ABC")]
    public void Prefix_numbers_1_to_20_are_cherished_marks_valid_with_a_note(string text)
    {
        NotIssuedAssert.ValidWithNote("uk", text, "cherished", "prefix");
        NotIssuedAssert.Ordinary("uk", "A21 BCD", "prefix");
    }

    [Theory]
    [InlineData("LFZ 7422", "LFZ 7422")]
    [InlineData("ABZ 1", "ABZ 1")]
    [InlineData("oil 1234", "OIL 1234")]
    [InlineData("AXI 9999", "AXI 9999")]
    [InlineData("KIA 123", "KIA 123")]
    public void Northern_Ireland_marks_are_valid(string text, string canonical)
    {
        var check = Registry.Check("uk", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("ni", check.Template!.Id);
        Assert.Equal(canonical, check.Canonical);
    }

    [Theory]
    [InlineData("ABC 1234")] // BC is no Northern Ireland code
    [InlineData("AAA 1")]
    [InlineData("ABZ 0123")]
    [InlineData("ABZ 12345")]
    [InlineData("QIA 123")] // no Q serial letter
    [InlineData("ZIA 123")] // serial letters run A-Y
    public void Northern_Ireland_marks_need_a_county_code_with_I_or_Z(string text)
    {
        Assert.False(Registry.Check("uk", text).IsValid, text);
    }

    [Fact]
    public void Every_Northern_Ireland_code_contains_I_or_Z()
    {
        var codes = Registry.Country("uk").Lists["nicode"].Entries;
        Assert.InRange(codes.Count, 30, 40);
        Assert.All(codes, c => Assert.Matches("^([A-Z]Z|I[A-Z]|[A-Z]I)$", c));
        foreach (var c in new[] { "AZ", "IA", "OI", "UI", "JI", "XI" }) Assert.Contains(c, codes);
    }

    [Fact]
    public void Gb_is_an_alias_of_uk()
    {
        Assert.Same(Registry.Country("uk"), Registry.Country("gb"));
        Assert.Equal("uk", Registry.Country("GB").Code);
        var check = Registry.Check("gb", "AB51 CDE");
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("AB51 CDE", check.Canonical);
        Assert.Throws<UnknownCountryException>(() => Registry.Country("gbr"));
    }

    [Fact]
    public void Front_plates_are_white_and_rear_plates_yellow()
    {
        var plate = Registry.Country("uk").Plate;
        var front = plate.Variants.Single(v => v.Name == "front").Style;
        var rear = plate.Variants.Single(v => v.Name == "rear").Style;
        Assert.Equal(PlateColor.Parse("#FFFFFF"), front.Background);
        Assert.NotEqual(front.Background, rear.Background);
        Assert.True(rear.Background.R > 200 && rear.Background.G > 150 && rear.Background.B < 100, rear.Background.ToString());
        Assert.Null(front.Band);
        Assert.All(plate.Variants.Where(v => v.Style.Band is not null), v =>
        {
            Assert.Equal("UK", v.Style.Band!.Code);
            Assert.False(v.Style.Band.Stars);
        });
        Assert.Equal(79, Registry.Country("uk").Typeface.HeightMm);
        Assert.Equal("charles-wright", Registry.Country("uk").Typeface.Font);
    }

    [Fact]
    public void Two_thousand_samples_keep_every_rule()
    {
        var samples = Registry.Samples("uk", seed: 1, count: 2000);
        var ages = Registry.Country("uk").Lists["age"].Entries;
        foreach (var s in samples)
        {
            var check = Registry.Check("uk", s.Text);
            Assert.True(check.IsValid, $"{s.Text}: {check.Reason}");
            Assert.Equal(s.Template.Id, check.Template!.Id);
            switch (s.Template.Id)
            {
                case "current":
                    Assert.Matches("^[A-HJ-PR-Y][A-HJ-PR-Y][0-9]{2} [A-HJ-PR-Z]{3}$", s.Text);
                    Assert.Contains(s.Text.Substring(2, 2), ages);
                    break;
                case "prefix":
                    Assert.Matches("^[A-HJ-NPR-TV-Y][1-9][0-9]{0,2} [A-Z]{3}$", s.Text);
                    Assert.True(int.Parse(s.Text[1..s.Text.IndexOf(' ')]) >= 21, s.Text);
                    break;
                case "suffix":
                    Assert.Matches("^[A-Z]{3} [1-9][0-9]{0,2}[A-HJ-NPR-TV-Y]$", s.Text);
                    break;
                case "ni":
                    Assert.Matches("^[A-Y]([A-Z]Z|I[A-Z]|[A-Z]I) [1-9][0-9]{0,3}$", s.Text);
                    break;
                default:
                    Assert.Fail($"unexpected template {s.Template.Id}");
                    break;
            }
        }
        var byTemplate = samples.GroupBy(s => s.Template.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(byTemplate.GetValueOrDefault("current"), 1600, 1900);
        Assert.InRange(byTemplate.GetValueOrDefault("prefix"), 50, 250);
        Assert.InRange(byTemplate.GetValueOrDefault("suffix"), 10, 100);
        Assert.InRange(byTemplate.GetValueOrDefault("ni"), 20, 150);
    }
}
