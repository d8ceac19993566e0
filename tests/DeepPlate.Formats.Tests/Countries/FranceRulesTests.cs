using DeepPlate.Formats;

namespace DeepPlate.Formats.Tests.Countries;

/// <summary>France: SIV (LL-DDD-LL, since 2009) and the departmental FNI numbers (1950-2009), formats/data/fr.jsonc.</summary>
public class FranceRulesTests
{
    private static readonly FormatRegistry Registry = FormatRegistry.Default;

    [Theory]
    [InlineData("FK-582-RN", "FK-582-RN")]
    [InlineData("fk582rn", "FK-582-RN")]
    [InlineData("AA-001-AA", "AA-001-AA")]
    [InlineData("GZ 999 ZZ", "GZ-999-ZZ")]
    [InlineData("AB-123-WW", "AB-123-WW")]
    [InlineData("KK-427-PQ", "KK-427-PQ")]
    public void Siv_plates_are_accepted_with_their_hyphens(string text, string canonical)
    {
        var check = Registry.Check("fr", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("siv", check.Template?.Id);
        Assert.Equal(canonical, check.Canonical);
    }

    [Theory]
    [InlineData("AI-123-CD")]
    [InlineData("IB-123-CD")]
    [InlineData("AB-123-OD")]
    [InlineData("AB-123-CO")]
    [InlineData("UB-123-CD")]
    [InlineData("AB-123-CU")]
    public void Siv_never_uses_I_O_or_U(string text)
    {
        var check = Registry.Check("fr", text);
        Assert.False(check.IsValid);
        Assert.NotNull(check.Reason);
    }

    [Fact]
    public void Siv_number_000_is_not_issued_but_001_is()
    {
        NotIssuedAssert.ValidWithNote("fr", "DF-000-KL", "001-999", "siv");
        NotIssuedAssert.Ordinary("fr", "DF-001-KL", "siv");
    }

    [Theory]
    [InlineData("SS-123-AB", "SS")]
    [InlineData("AB-123-SS", "SS")]
    [InlineData("WW-123-AB", "temporary-registration")]
    public void Siv_SS_in_both_blocks_and_WW_on_the_left_are_valid_with_a_note(string text, string note)
    {
        NotIssuedAssert.ValidWithNote("fr", text, note, "siv");
    }

    [Theory]
    [InlineData("W-512-DK", "W-512-DK")]
    [InlineData("w 204 fh", "W-204-FH")]
    [InlineData("W873LB", "W-873-LB")]
    public void Garage_plates_are_a_single_w_then_the_siv_blocks(string text, string canonical)
    {
        var check = Registry.Check("fr", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("w-garage", check.Template!.Id);
        Assert.Equal(canonical, check.Canonical);
        Assert.False(Registry.Check("fr", "W-1789-DK").IsValid);
        Assert.False(Registry.Check("fr", "W-512-IK").IsValid);
    }

    [Theory]
    [InlineData("SA-123-AB")]
    [InlineData("AB-123-SA")]
    [InlineData("WX-123-AB")]
    [InlineData("XW-123-WW")]
    public void Siv_neighbours_of_the_excluded_pairs_are_valid(string text)
    {
        Assert.True(Registry.Check("fr", text).IsValid, text);
    }

    [Theory]
    [InlineData("3821 XB 92", "3821 XB 92", "fni")]
    [InlineData("123 ABC 2A", "123 ABC 2A", "fni")]
    [InlineData("812 GH 974", "812 GH 974", "fni")]
    [InlineData("3821xb92", "3821 XB 92", "fni")]
    [InlineData("19 LJZ 75", "19 LJZ 75", "fni-short")]
    [InlineData("45 KL 2B", "45 KL 2B", "fni-short")]
    [InlineData("7 A 01", "7 A 01", "fni-short")]
    [InlineData("4127 K 01", "4127 K 01", "fni-one-letter")]
    public void Fni_plates_end_with_a_department(string text, string canonical, string template)
    {
        var check = Registry.Check("fr", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(template, check.Template?.Id);
        Assert.Equal(canonical, check.Canonical);
    }

    [Theory]
    [InlineData("3821 XB 20")] // Corsica has been 2A/2B since 1976
    [InlineData("3821 XB 96")]
    [InlineData("3821 XB 00")]
    [InlineData("3821 XB 977")]
    [InlineData("3821 XB 2C")]
    [InlineData("0382 XB 92")] // the number has no leading zero
    [InlineData("12345 XB 92")]
    [InlineData("3821 XI 92")]
    [InlineData("3821 OB 92")]
    public void Fni_rejects_bad_departments_numbers_and_letters(string text)
    {
        Assert.False(Registry.Check("fr", text).IsValid, text);
    }

    [Theory]
    [InlineData("3821 SS 92")]
    [InlineData("382 SSA 92")]
    public void Fni_SS_was_not_issued_from_1986_but_older_plates_are_valid(string text)
    {
        NotIssuedAssert.ValidWithNote("fr", text, "1986");
    }

    [Fact]
    public void The_department_list_has_mainland_corsica_and_overseas_codes_only()
    {
        var dept = Registry.Country("fr").Lists["dept"].Entries;
        Assert.Equal(102, dept.Count); // 01-95 without 20, 2A, 2B, 971-976
        Assert.Equal(dept.Count, dept.Distinct().Count());
        Assert.Contains("01", dept);
        Assert.Contains("95", dept);
        Assert.Contains("2A", dept);
        Assert.Contains("2B", dept);
        Assert.Contains("971", dept);
        Assert.Contains("976", dept);
        Assert.DoesNotContain("20", dept);
        Assert.DoesNotContain("96", dept);
        Assert.DoesNotContain("1", dept);
    }

    [Fact]
    public void Samples_follow_the_siv_and_fni_rules()
    {
        var samples = Registry.Samples("fr", seed: 1, count: 2000);
        var siv = samples.Where(s => s.Template.Id == "siv").ToList();
        var fni = samples.Where(s => s.Template.Id.StartsWith("fni", StringComparison.Ordinal)).ToList();
        var garage = samples.Where(s => s.Template.Id == "w-garage").ToList();
        Assert.True(siv.Count > 1500, $"{siv.Count} SIV samples of 2000");
        Assert.NotEmpty(fni);
        Assert.InRange(garage.Count, 1, 60);
        Assert.Equal(samples.Count, siv.Count + fni.Count + garage.Count);
        Assert.All(garage, s => Assert.Matches("^W-[0-9]{3}-[A-HJ-NP-TV-Z]{2}$", s.Text));

        Assert.All(siv, s =>
        {
            Assert.Matches("^[A-HJ-NP-TV-Z]{2}-[0-9]{3}-[A-HJ-NP-TV-Z]{2}$", s.Text);
            Assert.DoesNotContain("-000-", s.Text);
            Assert.False(s.Text.StartsWith("SS-") || s.Text.EndsWith("-SS") || s.Text.StartsWith("WW-"), s.Text);
        });

        var dept = Registry.Country("fr").Lists["dept"].Entries;
        // Most FNI samples have the common shapes DDDD LL / DDD LLL (3-4 digits, 2-3 letters) [OA-P].
        Assert.True(fni.Count(s => s.Template.Id == "fni") * 4 > fni.Count * 3, "common FNI shapes should dominate");
        Assert.All(fni, s =>
        {
            Assert.Matches("^[1-9][0-9]{0,3} [A-HJ-NP-TV-Z]{1,3} [0-9AB]{2,3}$", s.Text);
            Assert.Contains(s.Text.Split(' ')[2], dept);
            Assert.DoesNotContain("SS", s.Text.Split(' ')[1]);
        });
    }
}
