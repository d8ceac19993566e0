using DeepPlate.Formats;

namespace DeepPlate.Formats.Tests.Countries;

/// <summary>Sweden: LLL DDX (letter last since 2019) and the older sticker-gap design, formats/data/se.jsonc.</summary>
public class SwedenRulesTests
{
    private static readonly FormatRegistry Registry = FormatRegistry.Default;

    private static readonly string[] BannedSamples = ["APA", "FAN", "SEX", "USA", "MLB", "KUK", "NEJ", "LSD", "XXX", "UFO"];

    [Theory]
    [InlineData("MKT 52H", "MKT 52H")]
    [InlineData("mkt52h", "MKT 52H")]
    [InlineData("ABC 12A", "ABC 12A")]
    [InlineData("ZZZ 99Z", "ZZZ 99Z")]
    [InlineData("OUT 12B", "OUT 12B")]
    public void A_letter_in_the_sixth_position_is_a_current_plate(string text, string canonical)
    {
        var check = Registry.Check("se", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("current", check.Template?.Id);
        Assert.Equal(canonical, check.Canonical);
    }

    [Theory]
    [InlineData("HBX 417")]
    [InlineData("hbx417")]
    [InlineData("AAA 001")]
    [InlineData("OBC 000")]
    public void Three_digits_are_valid_in_either_design(string text)
    {
        var check = Registry.Check("se", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.True(check.Template?.Id is "current" or "sticker-gap", check.Template?.Id);
        Assert.Equal(TextNormalizer.Compact(text).Insert(3, " "), check.Canonical);
    }

    [Fact]
    public void The_sticker_gap_design_only_carries_digits()
    {
        var legacy = Registry.Country("se").Templates.Single(t => t.Id == "sticker-gap");
        Assert.True(Registry.Check("se", "HBX 417", template: "sticker-gap").IsValid);
        Assert.False(Registry.Check("se", "HBX 41A", template: "sticker-gap").IsValid);
        Assert.Equal(TemplateStatus.Legacy, legacy.Status);
    }

    [Theory]
    [InlineData("ABC 12Q")]
    [InlineData("ABC 12V")]
    [InlineData("ABC 1A3")]   // the fifth position is always a digit
    [InlineData("ABC A23")]
    [InlineData("ABC 12Å")]
    public void The_last_positions_follow_the_2019_rules(string text)
    {
        var check = Registry.Check("se", text);
        Assert.False(check.IsValid, text);
        Assert.NotNull(check.Reason);
    }

    [Theory]
    [InlineData("AIC 123")]
    [InlineData("QBC 123")]
    [InlineData("ABV 12A")]
    [InlineData("ÅBC 123")]
    [InlineData("ÖBC 123")]
    [InlineData("AB 123")]
    [InlineData("ABCD 123")]
    public void The_letter_group_never_uses_I_Q_V_or_Swedish_vowels(string text)
    {
        Assert.False(Registry.Check("se", text).IsValid, text);
    }

    [Theory]
    [InlineData("APA 123", "APB 123")]
    [InlineData("FAN 12A", "FAM 12A")]
    [InlineData("SEX 456", "SEY 456")]
    [InlineData("USA 456", "USB 456")]
    [InlineData("KUK 313", "KUL 313")]
    [InlineData("NEJ 27T", "NEK 27T")]
    [InlineData("WTC 911", "WTC 912")]
    public void Banned_words_are_valid_with_a_note_and_their_neighbours_are_ordinary(string banned, string neighbour)
    {
        NotIssuedAssert.ValidWithNote("se", banned, "not issued");
        NotIssuedAssert.Ordinary("se", neighbour);
    }

    [Theory]
    [InlineData("MLB 456")]
    [InlineData("MLB 12A")]
    [InlineData("mlb456")]
    public void The_specimen_series_MLB_is_valid_with_its_note(string text)
    {
        var check = NotIssuedAssert.ValidWithNote("se", text, "specimen plate", "current");
        Assert.DoesNotContain(check.Notes, n => n.Contains("banned", StringComparison.Ordinal));
        var sticker = Registry.Check("se", text, template: "sticker-gap");
        Assert.Equal(char.IsDigit(text[^1]), sticker.IsValid);
        if (sticker.IsValid) Assert.Contains(sticker.Notes, n => n.StartsWith("specimen plate", StringComparison.Ordinal));
    }

    [Fact]
    public void Samples_keep_the_position_rules_and_avoid_banned_words()
    {
        var samples = Registry.Samples("se", seed: 1, count: 2000);
        Assert.Contains(samples, s => s.Template.Id == "current");
        Assert.Contains(samples, s => s.Template.Id == "sticker-gap");
        Assert.Contains(samples, s => char.IsLetter(s.Compact[5]));
        Assert.Contains(samples, s => char.IsDigit(s.Compact[5]));
        Assert.All(samples, s =>
        {
            Assert.Matches("^[A-HJ-PR-UW-Z]{3} [0-9]{2}[0-9A-HJ-NPR-UW-Z]$", s.Text);
            Assert.DoesNotContain(s.Compact[..3], BannedSamples);
        });
        Assert.All(samples.Where(s => s.Template.Id == "sticker-gap"), s => Assert.True(char.IsDigit(s.Compact[5]), s.Text));
    }
}
