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
    public void Italy_never_reads_the_letters_it_never_issues()
    {
        var it = ModelAlphabet.For(FormatRegistry.Default.Country("it"));
        Assert.DoesNotContain('Q', it.Characters);
        Assert.DoesNotContain('U', it.Characters);
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
