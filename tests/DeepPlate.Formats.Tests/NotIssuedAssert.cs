namespace DeepPlate.Formats.Tests;

/// <summary>What every not-issued combination must be: a valid plate, rarer than its neighbours, with a note.</summary>
internal static class NotIssuedAssert
{
    /// <summary>Valid, with a note containing <paramref name="note"/> and a prior below 1.</summary>
    public static PlateCheck ValidWithNote(string country, string text, string note, string? template = null, string? state = null)
    {
        var check = FormatRegistry.Default.Check(country, text, state);
        Assert.True(check.IsValid, $"{text}: {check.Reason}");
        Assert.Contains(check.Notes, n => n.Contains(note, StringComparison.Ordinal));
        Assert.InRange(check.Prior, double.Epsilon, 0.999);
        if (template is not null) Assert.Equal(template, check.Template?.Id);
        return check;
    }

    /// <summary>Valid, without any note, at prior 1.</summary>
    public static PlateCheck Ordinary(string country, string text, string? template = null, string? state = null)
    {
        var check = FormatRegistry.Default.Check(country, text, state);
        Assert.True(check.IsValid, $"{text}: {check.Reason}");
        Assert.Empty(check.Notes);
        Assert.Equal(1.0, check.Prior);
        if (template is not null) Assert.Equal(template, check.Template?.Id);
        return check;
    }
}
