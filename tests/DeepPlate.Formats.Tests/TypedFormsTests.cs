namespace DeepPlate.Formats.Tests;

/// <summary>
/// Plates as people type them: separators anywhere between groups or none, lower case, umlauts as two letters,
/// O/0 and I/1 for each other. Each is valid with the template's canonical text; each change is named in a note.
/// </summary>
public class TypedFormsTests
{
    private static readonly FormatRegistry Registry = FormatRegistry.Default;

    [Theory]
    [InlineData("it", "GK 427 ZT", "GK 427ZT", "current")]   // Italy as usually written
    [InlineData("it", "GK-427-ZT", "GK 427ZT", "current")]
    [InlineData("it", "GK427ZT", "GK 427ZT", "current")]
    [InlineData("it", "GK 427ZT", "GK 427ZT", "current")]
    [InlineData("it", "GK  -  427 ZT", "GK 427ZT", "current")]
    [InlineData("it", "EZ 123 KL", "EZ 123KL", "current")]
    [InlineData("nl", "12 BDF 3", "12-BDF-3", "sc7-comm")]
    [InlineData("nl", "12BDF3", "12-BDF-3", "sc7-comm")]
    [InlineData("fr", "AB 123 CD", "AB-123-CD", "siv")]
    [InlineData("fr", "AB123CD", "AB-123-CD", "siv")]
    [InlineData("es", "1234-BCD", "1234 BCD", "current")]
    [InlineData("es", "1234BCD", "1234 BCD", "current")]
    [InlineData("se", "ABC-123", "ABC 123", "current")]
    [InlineData("uk", "BD51-SMR", "BD51 SMR", "current")]
    [InlineData("uk", "BD 51 SMR", "BD51 SMR", "current")]    // a separator between the memory tag and the age identifier
    [InlineData("de", "B-AB-1234", "B AB 1234", "fe")]
    [InlineData("de", "B AB 123 E", "B AB 123E", "fe-e")]     // the suffix typed apart from the digits
    [InlineData("de", "B AB-123", "B AB 123", "fe")]
    public void Spaces_dashes_or_none_between_groups_give_the_canonical_plate(string country, string text, string canonical, string template)
    {
        Assert.Equal(template, Plain(country, text, canonical).Template?.Id);
    }

    /// <summary>Valid as typed, written <paramref name="canonical"/>, nothing to note.</summary>
    private static PlateCheck Plain(string country, string text, string canonical)
    {
        var check = Registry.Check(country, text);
        Assert.True(check.IsValid, $"{text}: {check.Reason}");
        Assert.Equal(canonical, check.Canonical);
        Assert.Empty(check.Notes);
        return check;
    }

    [Theory]
    [InlineData("it", "GK 42 7ZT")]     // inside the number
    [InlineData("it", "G K 427ZT")]     // inside a letter pair
    [InlineData("de", "B AB 12 3")]
    [InlineData("nl", "12-BD-F3")]
    [InlineData("fr", "AB-12 3-CD")]
    [InlineData("es", "12 34 BCD")]
    [InlineData("se", "AB C123")]
    public void A_separator_inside_a_run_of_letters_or_digits_still_refuses(string country, string text)
    {
        var check = Registry.Check(country, text);
        Assert.False(check.IsValid, text);
        Assert.NotNull(check.Reason);
    }

    [Fact]
    public void Separators_never_move_a_German_district_boundary()
    {
        // UE (Uelzen) with MA, or UEM with A: the gap is part of the plate.
        Plain("de", "UE MA 123", "UE MA 123");
        Plain("de", "UEM A 123", "UEM A 123");   // Ueckermünde
    }

    [Theory]
    [InlineData("K-AC 1234", "din")]
    [InlineData("K - AC 1234", "din")]    // a run of separators with a hyphen in it is a hyphen
    [InlineData("K AC 1234", "fe")]
    [InlineData("KAC1234", "fe")]        // nothing typed: the likelier Euro plate
    public void Din_or_Euro_is_chosen_by_the_typed_separator_and_neither_is_refused(string text, string template)
    {
        var check = Registry.Check("de", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(template, check.Template?.Id);
        Assert.True(Registry.Check("de", text, template: template == "din" ? "fe" : "din").IsValid);
    }

    [Theory]
    [InlineData("de", "b ab 1234", "B AB 1234")]
    [InlineData("it", "gk 427 zt", "GK 427ZT")]
    [InlineData("nl", "12-bdf-3", "12-BDF-3")]
    [InlineData("se", "abc 12a", "ABC 12A")]
    public void Lower_case_is_read_as_upper_case_with_a_note(string country, string text, string canonical)
    {
        var check = Registry.Check(country, text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(canonical, check.Canonical);
        Assert.Equal(["read as upper case"], check.Notes);
        Assert.Equal(1.0, check.Prior);
        Assert.Empty(Registry.Check(country, canonical).Notes);
    }

    [Theory]
    [InlineData("MUE AB 123", "MÜ AB 123", "read 'UE' as 'Ü'")]    // Mühldorf am Inn
    [InlineData("TUE-X 12", "TÜ-X 12", "read 'UE' as 'Ü'")]        // Tübingen, DIN plate
    [InlineData("LOE AB 12", "LÖ AB 12", "read 'OE' as 'Ö'")]      // Lörrach
    [InlineData("SAEK AB 12", "SÄK AB 12", "read 'AE' as 'Ä'")]   // Bad Säckingen
    public void German_umlauts_typed_as_two_letters_are_read_as_umlauts_with_a_note(string text, string canonical, string note)
    {
        var check = Registry.Check("de", text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(canonical, check.Canonical);
        Assert.Contains(note, check.Notes);
        Assert.False(Registry.Check("de", text, mode: PlateCheckMode.Exact).IsValid, text);
    }

    [Fact]
    public void A_text_valid_as_typed_is_not_read_with_umlauts()
    {
        // UE is Uelzen itself: no reading as Ü.
        Plain("de", "UE AB 123", "UE AB 123");
    }

    [Theory]
    [InlineData("it", "GK 42O ZT")]   // Italy has no umlauts: "OE" stays two letters
    [InlineData("fr", "AE-123-CD")]
    public void Umlauts_are_read_only_where_the_country_has_them(string country, string text)
    {
        var check = Registry.Check(country, text);
        Assert.DoesNotContain(check.Notes, n => n.Contains("as 'Ä'") || n.Contains("as 'Ö'") || n.Contains("as 'Ü'"));
    }

    [Theory]
    [InlineData("de", "B AB 12O", "B AB 120", "read 'O' as '0' at position 6")]
    [InlineData("fr", "AB-I23-CD", "AB-123-CD", "read 'I' as '1' at position 3")]
    [InlineData("fr", "AB-1O3-CD", "AB-103-CD", "read 'O' as '0' at position 4")]
    [InlineData("se", "ABC 12O", "ABC 120", "read 'O' as '0' at position 6")]   // O is never a last letter
    [InlineData("es", "12O4 BCD", "1204 BCD", "read 'O' as '0' at position 3")]
    [InlineData("uk", "B0 51 SMR", "BO51 SMR", "read '0' as 'O' at position 2")]  // a letter position without 0
    [InlineData("nl", "1-VFG-52", "1-VFG-52", null)]
    public void O_and_0_I_and_1_are_read_as_the_one_the_position_allows_with_a_note(string country, string text, string canonical, string? note)
    {
        var check = Registry.Check(country, text);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(canonical, check.Canonical);
        if (note is null)
        {
            Assert.Empty(check.Notes);
            return;
        }
        Assert.Contains(note, check.Notes);
        // A reader's proposals are taken as they are.
        Assert.False(Registry.Check(country, text, mode: PlateCheckMode.Exact).IsValid, text);
    }

    [Fact]
    public void O_and_0_are_not_swapped_inside_a_list_token()
    {
        // "B0" is no German district, and a district position is a list: "B0 AB 12" stays refused.
        Assert.False(Registry.Check("de", "B0 AB 12").IsValid);
    }
}
