namespace DeepPlate.Formats;

/// <summary>
/// The country codes as help texts and messages list them, read from the data files: a country added as a data file
/// appears in every command's help without a change to the code.
/// </summary>
public static class CountryCodes
{
    /// <summary>Every code in the registry's order, then each alias with its country: <c>de es fr …; gb = uk</c>.</summary>
    public static string List(FormatRegistry formats)
    {
        var codes = string.Join(' ', formats.Countries.Select(c => c.Code));
        var aliases = formats.Countries.SelectMany(c => c.Aliases.Select(a => $"{a} = {c.Code}")).ToList();
        return aliases.Count == 0 ? codes : $"{codes}; {string.Join(", ", aliases)}";
    }

    /// <summary>
    /// <see cref="List"/> of <see cref="FormatRegistry.Default"/>, for help texts built before any command runs. When
    /// the data files cannot be read it says so instead of throwing, so that <c>--help</c> still works; the command
    /// that needs the formats then fails with the same message.
    /// </summary>
    public static string ListDefault()
    {
        try
        {
            return List(FormatRegistry.Default);
        }
        catch (Exception e) when (e is FormatFileException or IOException)
        {
            return $"none: the formats could not be read ({e.Message})";
        }
    }
}
