namespace DeepPlate.Formats.Tests;

public class ModelAlphabetTests
{
    [Fact]
    public void Germany_reads_umlauts_and_eight_slots()
    {
        var de = ModelAlphabet.For(FormatRegistry.Default.Country("de"));
        Assert.StartsWith("0123456789ABC", de.Characters);
        Assert.EndsWith("ÄÖÜ", de.Characters);
        Assert.Equal(8, de.Slots);
        Assert.Equal(de.Characters.Length, de.Blank);
    }

    [Fact]
    public void Spain_never_reads_vowels_in_current_plates_but_the_model_still_knows_provincial_ones()
    {
        var es = FormatRegistry.Default.Country("es");
        Assert.DoesNotContain('A', es.Template("current").Alphabet.Chars);
        // Provincial plates (M-1234-AB) are still on the road, so the model's alphabet has every letter they use.
        Assert.Contains('A', ModelAlphabet.For(es).Characters);
    }

    // The shipped models in inference/models/ read exactly these; a format change that alters one is refused there.
    [Theory]
    [InlineData("de", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ", 8)]
    [InlineData("es", "0123456789ABCDEFGHIJKLMNOPRSTUVWXYZ", 8)]
    [InlineData("fr", "0123456789ABCDEFGHJKLMNPQRSTVWXYZ", 10)]
    [InlineData("it", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10)]
    [InlineData("nl", "0123456789ABDEFGHJKLMNPRSTUVWXYZ", 6)]
    [InlineData("se", "0123456789ABCDEFGHJKLMNOPRSTUWXYZ", 6)]
    [InlineData("uk", "0123456789ABCDEFGHIJKLMNOPRSTUVWXYZ", 7)]
    [InlineData("us", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 8)]
    public void Alphabets_and_slots_stay_those_of_the_shipped_models(string country, string characters, int slots)
    {
        var a = ModelAlphabet.For(FormatRegistry.Default.Country(country));
        Assert.Equal(characters, a.Characters);
        Assert.Equal(slots, a.Slots);
    }

    [Fact]
    public void Alphabets_and_slots_follow_from_the_files()
    {
        var registry = FormatRegistry.Default;
        foreach (var c in registry.Countries)
        {
            var a = ModelAlphabet.For(c);
            Assert.Equal(c.Templates.Max(t => t.MaxLength), a.Slots);
            Assert.Equal(a.Characters.Length, a.Characters.Distinct().Count());
        }
    }

    [Fact]
    public void Encoding_pads_left_aligned_with_the_blank_class()
    {
        var a = new ModelAlphabet("0123ABC", 5);
        Assert.Equal([4, 0, 5, a.Blank, a.Blank], a.Encode("A0B"));
        Assert.Equal('B', a.CharOf(5));
        Assert.Null(a.CharOf(a.Blank));
        Assert.Throws<ArgumentException>(() => a.Encode("ABCDEF"));
        Assert.Throws<ArgumentException>(() => a.Encode("Z"));
    }
}
