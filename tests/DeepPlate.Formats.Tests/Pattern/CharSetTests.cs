namespace DeepPlate.Formats.Tests.Pattern;

public class CharSetTests
{
    [Theory]
    [InlineData("A-Z!IOQU", "ABCDEFGHJKLMNPRSTVWXYZ")]
    [InlineData("0-9", "0123456789")]
    [InlineData("EHE", "EH")]
    [InlineData("A-CÄÖÜ", "ABCÄÖÜ")]
    [InlineData("A-Z!A-W", "XYZ")]
    public void Parses_ranges_and_removals(string spec, string expected) => Assert.Equal(expected, CharSet.Parse(spec).Chars);

    [Theory]
    [InlineData("Z-A")]
    [InlineData("A!A")]
    [InlineData("A B")]
    [InlineData("")]
    public void Rejects_bad_specs(string spec) => Assert.Throws<FormatException>(() => CharSet.Parse(spec));

    [Fact]
    public void Describes_sets_in_plain_words()
    {
        Assert.Equal("a digit", CharSet.Digits.Describe());
        Assert.Equal("a letter other than I, O, Q, U", CharSet.Parse("A-Z!IOQU").Describe());
        Assert.Equal("one of E, H", CharSet.Parse("EH").Describe());
    }
}
