namespace DeepPlate.Formats.Tests.Pattern;

public class PatternParserTests
{
    private static readonly CharSet Letters = CharSet.Parse("A-Z");
    private static readonly Dictionary<string, CharSet> Sets = new() { ["YEAR"] = CharSet.Parse("A-Y!IOQU") };
    private static readonly Dictionary<string, TokenList> Lists = new() { ["district"] = new TokenList("district", ["B", "UE", "UEM"], [1, 1, 1], null) };

    [Fact]
    public void Parses_the_german_euro_plate()
    {
        var elements = PatternParser.Parse("<district>_L{1,2} ND{0,3}[EH]?", Letters, Sets, Lists);
        Assert.Collection(elements,
            e => Assert.IsType<ListSlot>(e),
            e => Assert.Equal(new Gap(GapKind.Seal), e),
            e => Assert.Equal(new CharSlot(Letters, 1, 2), e),
            e => Assert.Equal(new Gap(GapKind.Space), e),
            e => Assert.Equal(new CharSlot(CharSet.NonZeroDigits, 1, 1), e),
            e => Assert.Equal(new CharSlot(CharSet.Digits, 0, 3), e),
            e => Assert.Equal(new CharSlot(CharSet.Parse("EH"), 0, 1), e));
    }

    [Theory]
    [InlineData("L{2", "'{' without '}'")]
    [InlineData("<nope>", "no set or list named 'nope'")]
    [InlineData("<district>{2}", "a list token cannot repeat")]
    [InlineData("L--D", "two gaps in a row")]
    [InlineData("-LD", "starts or ends with a gap")]
    [InlineData("L{3,1}", "bad repeat")]
    [InlineData("LQ", "unexpected 'Q'")]
    public void Reports_what_is_wrong(string pattern, string message)
    {
        var e = Assert.Throws<FormatException>(() => PatternParser.Parse(pattern, Letters, Sets, Lists));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Shapes_expand_repeats_and_list_lengths_and_respect_max_chars()
    {
        var elements = PatternParser.Parse("<district>_L{1,2} ND{0,3}", Letters, Sets, Lists);
        var shapes = TemplateShape.Expand(elements, maxChars: 8);
        // 3 district lengths x 2 letter counts x 4 number lengths = 24, minus those over 8 characters (3+2+4 = 9).
        Assert.Equal(23, shapes.Count);
        Assert.All(shapes, s => Assert.InRange(s.Length, 3, 8));
        // UEM then letters: the seal gap stands before the fourth character.
        var uem = shapes.Where(s => s.Positions[2].Chars == "M").ToList();
        Assert.Equal(7, uem.Count);
        Assert.All(uem, s => Assert.Equal(GapKind.Seal, s.GapBefore[3]));
    }
}
