using DeepPlate.Formats;

namespace DeepPlate.Formats.Tests;

/// <summary>
/// The rules that set German plates apart (formats/data/de.jsonc): a closed list of district codes with umlauts, a
/// seal gap that decides where the district ends, at most 8 characters, no leading zero, E/H suffixes, and the
/// older DIN plates with their hyphen and their barred letters.
/// </summary>
public class GermanyRulesTests
{
    private static readonly FormatRegistry Registry = FormatRegistry.Default;

    private static IReadOnlyList<string> Districts => Registry.Country("de").Lists["district"].Entries;

    [Theory]
    [InlineData("B AB 1234", "B AB 1234")]
    [InlineData("b ab 1234", "B AB 1234")]
    [InlineData("M XY 99", "M XY 99")]
    [InlineData("HH  A   1", "HH A 1")]
    [InlineData("K Z 1023", "K Z 1023")]
    [InlineData("CUX A 12", "CUX A 12")]
    [InlineData("HSK AB 123", "HSK AB 123")] // exactly 8 characters
    [InlineData("B SB 1", "B SB 1")] // letters that only look like a banned pair
    [InlineData("F BG 404", "F BG 404")] // B, G: fine on Euro plates, barred only on DIN plates
    public void Euro_plates_are_read_in_their_canonical_form(string text, string canonical)
    {
        var check = Registry.Check("de", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("fe", check.Template!.Id);
        Assert.Equal(canonical, check.Canonical);
    }

    [Theory]
    [InlineData("ABC DE 1234")]
    [InlineData("CUX AB 1234")]
    [InlineData("HSK AB 1234")]
    [InlineData("CUX AB 123E")] // the suffix counts
    public void A_plate_has_at_most_eight_characters(string text)
    {
        var check = Registry.Check("de", text);
        Assert.False(check.IsValid, text);
        Assert.Matches(@"\b8\b", check.Reason);
    }

    [Theory]
    [InlineData("B AB 0123")]
    [InlineData("B AB 0")]
    [InlineData("M X 01")]
    [InlineData("HH AB 0001")]
    public void The_number_has_no_leading_zero(string text)
    {
        Assert.False(Registry.Check("de", text).IsValid, text);
    }

    [Theory]
    [InlineData("MÜ AB 12", "MÜ AB 12")]
    [InlineData("mü ab 12", "MÜ AB 12")]
    [InlineData("TÖL X 1", "TÖL X 1")]
    [InlineData("ÜB AB 123", "ÜB AB 123")]
    [InlineData("säk a 1", "SÄK A 1")]
    [InlineData("GÖAB12", "GÖ AB 12")]
    public void Districts_with_umlauts_are_accepted_in_any_case(string text, string canonical)
    {
        var check = Registry.Check("de", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(canonical, check.Canonical);
    }

    [Theory]
    [InlineData("M ÄB 12")]
    [InlineData("MÜ ÖA 1")]
    [InlineData("B AÜ 123")]
    [InlineData("b ä 1")]
    public void Umlauts_are_never_recognition_letters(string text)
    {
        Assert.False(Registry.Check("de", text).IsValid, text);
    }

    [Fact]
    public void The_district_list_is_the_full_list_with_its_umlaut_codes()
    {
        var districts = Districts;
        Assert.InRange(districts.Count, 700, 800);
        Assert.Equal(41, districts.Count(d => d.Any(c => c is 'Ä' or 'Ö' or 'Ü')));
        Assert.Equal(21, districts.Count(d => d.Length == 1));
        Assert.All(districts, d => Assert.Matches("^[A-ZÄÖÜ]{1,3}$", d));
        Assert.Equal(districts.Count, districts.Distinct().Count());
        foreach (var code in new[] { "B", "HH", "M", "UE", "UEM", "CUX", "MÜ", "ÖHR", "ÜB", "SÄK" }) Assert.Contains(code, districts);
        foreach (var code in new[] { "I", "O", "Q", "UEX", "QQ", "AÄ" }) Assert.DoesNotContain(code, districts);
    }

    [Theory]
    [InlineData("UEM A 123", "UEM A 123")]
    [InlineData("UE MA 123", "UE MA 123")]
    [InlineData("BER A 1", "BER A 1")]
    [InlineData("BE RA 1", "BE RA 1")]
    [InlineData("HSK A 12", "HSK A 12")]
    [InlineData("HS KA 12", "HS KA 12")]
    public void The_gap_decides_where_the_district_ends(string text, string canonical)
    {
        var check = Registry.Check("de", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(canonical, check.Canonical);
    }

    [Fact]
    public void UEM_A_and_UE_MA_are_two_different_plates()
    {
        var a = Registry.Check("de", "UEM A 123");
        var b = Registry.Check("de", "UE MA 123");
        Assert.True(a.IsValid, a.Reason);
        Assert.True(b.IsValid, b.Reason);
        Assert.NotEqual(a.Canonical, b.Canonical);
        Assert.Equal(a.Canonical!.Replace(" ", ""), b.Canonical!.Replace(" ", ""));
    }

    [Theory]
    [InlineData("UEX A 123")] // UE exists, UEX does not, and the gap fixes the grouping
    [InlineData("Q AB 12")]
    [InlineData("QQ AB 12")]
    [InlineData("ZZZ A 1")]
    [InlineData("BRX AB 1")]
    public void A_district_that_is_not_on_the_list_is_invalid(string text)
    {
        Assert.False(Registry.Check("de", text).IsValid, text);
    }

    [Theory]
    [InlineData("B AB 123E", "B AB 123E", "fe-e")]
    [InlineData("m xy 12h", "M XY 12H", "fe-h")]
    [InlineData("B AB 1234E", "B AB 1234E", "fe-e")] // 8 characters with the suffix
    [InlineData("CUX A 123E", "CUX A 123E", "fe-e")]
    [InlineData("TÖL AB 99H", "TÖL AB 99H", "fe-h")]
    public void Electric_and_historic_plates_end_in_E_or_H(string text, string canonical, string template)
    {
        var check = Registry.Check("de", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(canonical, check.Canonical);
        Assert.Equal(template, check.Template!.Id);
    }

    [Theory]
    [InlineData("B AB 123X")]
    [InlineData("B AB 123EH")]
    [InlineData("B AB E")]
    [InlineData("B ABE 123")]
    public void Only_a_single_E_or_H_may_follow_the_number(string text)
    {
        Assert.False(Registry.Check("de", text).IsValid, text);
    }

    [Theory]
    [InlineData("B SS 123", "fe")]
    [InlineData("M SA 1", "fe")]
    [InlineData("N KZ 12", "fe")]
    [InlineData("HH HJ 1", "fe")]
    [InlineData("K NS 1234", "fe")]
    [InlineData("HH HJ 12E", "fe-e")]
    [InlineData("K-HJ 123", "din")]
    public void The_letter_pairs_some_states_skip_are_valid_with_a_note(string text, string template)
    {
        NotIssuedAssert.ValidWithNote("de", text, "not issued in Bavaria", template);
        // The same plate with an ordinary pair: no note, the full prior.
        NotIssuedAssert.Ordinary("de", text.Replace("HJ", "HK").Replace("SS", "ST").Replace("SA", "SB").Replace("KZ", "KY").Replace("NS", "NT"), template);
    }

    [Theory]
    [InlineData("K-AC 1234", "K-AC 1234")]
    [InlineData("mü-xy 12", "MÜ-XY 12")]
    [InlineData("CUX-A 123", "CUX-A 123")]
    [InlineData("HH-ZZ 9999", "HH-ZZ 9999")]
    public void Din_plates_print_a_hyphen_after_the_district(string text, string canonical)
    {
        var check = Registry.Check("de", text, template: "din");
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(canonical, check.Canonical);
    }

    [Theory]
    [InlineData("K-B 123")]
    [InlineData("K-AF 123")]
    [InlineData("K-GA 123")]
    [InlineData("K-AI 123")]
    [InlineData("K-OA 123")]
    [InlineData("K-AQ 123")]
    [InlineData("K-AÜ 123")]
    public void Din_plates_never_carry_B_F_G_I_O_Q(string text)
    {
        Assert.False(Registry.Check("de", text, template: "din").IsValid, text);
        // Whatever the text is taken for, it is not a DIN plate.
        var check = Registry.Check("de", text);
        Assert.False(check.IsValid && check.Template!.Id == "din", text);
    }

    [Fact]
    public void A_printed_hyphen_is_read_as_a_din_plate()
    {
        // The brief's canonical form: FE "B AB 1234", DIN "K-AC 1234". A typed hyphen where a DIN plate prints
        // one should select the DIN template, not the Euro plate's seal gap.
        var check = Registry.Check("de", "K-AC 1234");
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("din", check.Template!.Id);
        Assert.Equal("K-AC 1234", check.Canonical);
    }

    [Fact]
    public void Euro_plates_carry_the_eu_band_and_din_plates_do_not()
    {
        var de = Registry.Country("de");
        var fe = de.Templates.Single(t => t.Id == "fe");
        var din = de.Templates.Single(t => t.Id == "din");
        Assert.Equal("D", fe.Plate.Band!.Code);
        Assert.True(fe.Plate.Band.Stars);
        Assert.Null(din.Plate.Band);
        Assert.Equal("fe-schrift", fe.Typeface.Font);
        Assert.Equal("din-1451", din.Typeface.Font);
        Assert.Equal(75, fe.Typeface.HeightMm);
        Assert.Equal(TemplateStatus.Current, fe.Status);
        Assert.Equal(TemplateStatus.Legacy, din.Status);
        Assert.True(fe.Weight > 10 * din.Weight);
    }

    [Fact]
    public void Two_thousand_samples_are_valid_short_and_spread_over_many_districts()
    {
        var samples = Registry.Samples("de", seed: 1, count: 2000);
        Assert.Equal(2000, samples.Count);
        var districts = new Dictionary<string, int>();
        foreach (var s in samples)
        {
            var check = Registry.Check("de", s.Text);
            Assert.True(check.IsValid, $"{s.Text}: {check.Reason}");
            Assert.InRange(s.Compact.Length, 3, 8);
            var district = s.Text.Split(' ', '-')[0];
            Assert.Contains(district, Districts);
            districts[district] = districts.GetValueOrDefault(district) + 1;
        }
        Assert.True(districts.Count >= 400, $"only {districts.Count} districts");
        // Berlin has by far the most vehicles.
        Assert.Equal("B", districts.MaxBy(kv => kv.Value).Key);

        var din = samples.Where(s => s.Template.Id == "din").ToList();
        Assert.InRange(din.Count, 20, 200);
        Assert.All(din, s => Assert.DoesNotMatch("-[A-Z]*[BFGIOQ]", s.Text));
        Assert.All(samples, s => Assert.DoesNotMatch("[ -](SS|SA|KZ|HJ|NS) ", s.Text));
        Assert.All(samples.Where(s => s.Template.Id.StartsWith("fe", StringComparison.Ordinal)), s => Assert.Matches("^[A-ZÄÖÜ]{1,3} [A-Z]{1,2} [1-9][0-9]{0,3}[EH]?$", s.Text));
        // E and H plates are a small minority.
        Assert.InRange(samples.Count(s => s.Text.EndsWith('E') || s.Text.EndsWith('H')), 40, 250);
    }
}
