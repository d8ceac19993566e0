using DeepPlate.Inference.Report;

namespace DeepPlate.Inference.Tests.Report;

/// <summary>The report's line breaking, measured in characters (every character 1 wide): no PDF, no font.</summary>
public sealed class TextWrapperTests
{
    private static float Chars(string s) => s.Length;

    [Fact]
    public void WordsFillEachLineAsFarAsTheyFit()
    {
        Assert.Equal(["the quick", "brown fox", "jumps"], TextWrapper.Wrap("the quick brown fox jumps", 10, Chars));
        Assert.Equal(["exactly10!"], TextWrapper.Wrap("exactly10!", 10, Chars));
    }

    [Fact]
    public void RunsOfSpacesCollapseAndLineBreaksAreKept()
    {
        Assert.Equal(["a b", "c"], TextWrapper.Wrap("  a    b \n c  ", 10, Chars));
        Assert.Empty(TextWrapper.Wrap("   ", 10, Chars));
    }

    [Fact]
    public void AWordWiderThanALineIsCutBetweenCharacters()
    {
        var hash = "0123456789abcdef0123";
        Assert.Equal(["see", "01234567", "89abcdef", "0123 end"], TextWrapper.Wrap($"see {hash} end", 8, Chars));
    }

    [Fact]
    public void TextBeyondTheLastLineEndsInAnEllipsis()
    {
        var lines = TextWrapper.Wrap("one two three four five six", 9, Chars, maxLines: 2);
        Assert.Equal(["one two", "three…"], lines);
        Assert.All(lines, l => Assert.True(l.Length <= 9));
        // Exactly enough lines: nothing cut, no ellipsis.
        Assert.Equal(["one two", "three"], TextWrapper.Wrap("one two three", 9, Chars, maxLines: 2));
        // Cut at a paragraph break too.
        Assert.Equal(["first…"], TextWrapper.Wrap("first\nsecond", 9, Chars, maxLines: 1));
    }

    [Fact]
    public void TruncateKeepsWhatFitsOnOneLine()
    {
        Assert.Equal("short", TextWrapper.Truncate("short", 10, Chars));
        Assert.Equal("a long na…", TextWrapper.Truncate("a long name here", 10, Chars));
        Assert.Equal("two lines", TextWrapper.Truncate("two\nlines", 10, Chars));
    }

    [Fact]
    public void NonAsciiAndSurrogatePairsAreNeverSplitInHalf()
    {
        Assert.Equal(["Fall", "Müller", "ÄÖÜ ß"], TextWrapper.Wrap("Fall Müller ÄÖÜ ß", 6, Chars));
        var emoji = "a😀b";
        var lines = TextWrapper.Wrap(emoji, 2, Chars);
        Assert.Equal(emoji, string.Concat(lines));
        Assert.All(lines, l => Assert.False(char.IsHighSurrogate(l[^1])));
    }
}
