using DeepPlate.Cli.Commands;

namespace DeepPlate.Cli.Tests.Commands;

/// <summary><c>deepplate formats</c> as a researcher types it: real plates accepted, invalid ones rejected with reasons.</summary>
public class FormatsCommandTests
{
    private static (int Exit, string[] Lines, string Error) Check(string country, string? state, params string[] texts)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = FormatsCommand.Check(country, texts, state, null, output, error);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    [Theory]
    [InlineData("fr", null, "AB-123-CD")]
    [InlineData("de", null, "B AB 1234")]
    [InlineData("it", null, "AB 123CD")]
    [InlineData("nl", null, "GBB-01-B")]
    [InlineData("es", null, "1234 BCD")]
    [InlineData("se", null, "ABC 12A")]
    [InlineData("uk", null, "AB51 ABC")]
    [InlineData("gb", null, "AB51ABC")]
    [InlineData("us", "ca", "7ABC123")]
    [InlineData("us", "tx", "ABC-1234")]
    public void Real_plates_are_valid(string country, string? state, string text)
    {
        var (exit, lines, _) = Check(country, state, text);
        Assert.Equal(0, exit);
        var fields = Assert.Single(lines).Split('\t');
        Assert.Equal(text, fields[0]);
        Assert.Equal("valid", fields[1]);
    }

    // The plates of issue 19, refused before: a Dutch van, Italy as people write it, the Swedish specimen plate, a
    // German letter pair some states skip; and typed forms that are read with a note.
    [Theory]
    [InlineData("nl", null, "12-BDF-3", "12-BDF-3", null)]
    [InlineData("it", null, "AB 123 CD", "AB 123 CD", null)]
    [InlineData("it", null, "FX-123-KL", "FX 123KL", null)]
    [InlineData("se", null, "MLB 456", "MLB 456", "specimen plate")]
    [InlineData("de", null, "HH HJ 1", "HH HJ 1", "not issued in Bavaria")]
    [InlineData("de", null, "MUE AB 123", "MÜ AB 123", "read 'UE' as 'Ü'")]
    [InlineData("fr", null, "ab-1O3-cd", "AB-103-CD", "read as upper case; read 'O' as '0' at position 4")]
    public void Road_plates_and_typed_forms_are_valid_with_their_notes(string country, string? state, string text, string canonical, string? note)
    {
        var (exit, lines, _) = Check(country, state, text);
        Assert.Equal(0, exit);
        var fields = Assert.Single(lines).Split('\t');
        Assert.Equal("valid", fields[1]);
        Assert.Equal(canonical, fields[3]);
        if (note is null) Assert.Equal(4, fields.Length);
        else
        {
            Assert.StartsWith("(note: ", fields[4]);
            Assert.Contains(note, fields[4]);
        }
    }

    [Theory]
    [InlineData("fr", null, "AB-123-CI")]
    [InlineData("de", null, "B AB 0123")]
    [InlineData("it", null, "AB 123CU")]
    [InlineData("es", null, "1234 BCA")]
    [InlineData("uk", null, "AB51 ABI")]
    [InlineData("us", "ca", "ABC-1234")]
    public void Invalid_plates_give_a_reason_and_exit_1(string country, string? state, string text)
    {
        var (exit, lines, _) = Check(country, state, text);
        Assert.Equal(1, exit);
        var fields = Assert.Single(lines).Split('\t');
        Assert.Equal("invalid", fields[1]);
        Assert.False(string.IsNullOrWhiteSpace(fields[2]));
    }

    [Fact]
    public void One_invalid_text_among_valid_ones_fails_the_whole_check()
    {
        var (exit, lines, _) = Check("es", null, "1234 BCD", "1234 BCE", "0000 XYZ");
        Assert.Equal(1, exit);
        Assert.Equal(["valid", "invalid", "valid"], lines.Select(l => l.Split('\t')[1]));
    }

    [Fact]
    public void Unknown_country_is_an_error_with_exit_2()
    {
        var (exit, lines, error) = Check("xx", null, "AB-123-CD");
        Assert.Equal(2, exit);
        Assert.Empty(lines);
        Assert.Contains("unknown country 'xx'", error);
    }

    [Fact]
    public void List_names_every_country_and_state()
    {
        var output = new StringWriter();
        Assert.Equal(0, FormatsCommand.List(output));
        var text = output.ToString();
        foreach (var code in new[] { "fr", "de", "it", "nl", "es", "se", "uk", "us" }) Assert.Contains($"\n{code}", "\n" + text);
        Assert.Contains("  ca  California", text);
        Assert.Contains("  dc  ", text);
    }
}
