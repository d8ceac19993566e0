using DeepPlate.Formats;

namespace DeepPlate.Inference;

/// <summary>One country as the reader offers it: from the format files, with whether a model reads it.</summary>
/// <param name="HasModel">A model for it was accepted; false: "no model yet" (its plates are known, not readable).</param>
public sealed record CountryOffer(string Code, string Name, IReadOnlyList<string> Aliases, bool HasStates, bool HasModel);

/// <summary>
/// The countries every list shows (help strings, the API's documentation, the web page), built from the format
/// files and the model catalog, never written out: a country added as data appears in all of them, marked "no model
/// yet" until a model for it is in the models folder.
/// </summary>
public static class CountryList
{
    /// <summary>Every country of <paramref name="formats"/>, ordered by code; <paramref name="models"/> null: none has a model.</summary>
    public static IReadOnlyList<CountryOffer> Of(FormatRegistry formats, ModelCatalog? models)
    {
        var readable = models?.Models.Select(m => m.Info.Country).ToHashSet(StringComparer.Ordinal) ?? [];
        return [.. formats.Countries.Select(c => new CountryOffer(c.Code, c.Name, c.Aliases, c.HasStates, readable.Contains(c.Code)))];
    }

    /// <summary>The codes and aliases, for a help line: <c>de es fr it nl se uk us (gb = uk)</c>.</summary>
    public static string Codes(FormatRegistry formats)
    {
        var aliases = formats.Countries.SelectMany(c => c.Aliases.Select(a => $"{a} = {c.Code}")).ToList();
        return string.Join(' ', formats.Countries.Select(c => c.Code)) + (aliases.Count > 0 ? $" ({string.Join(", ", aliases)})" : "");
    }

    /// <summary>Each code with its name, those without a model marked: <c>de Germany, …, uk United Kingdom (also gb), pl Poland (no model yet)</c>.</summary>
    public static string Describe(FormatRegistry formats, ModelCatalog models) =>
        string.Join(", ", Of(formats, models).Select(c =>
            $"{c.Code} {c.Name}{(c.Aliases.Count > 0 ? $" (also {string.Join(", ", c.Aliases)})" : "")}{(c.HasModel ? "" : " (no model yet)")}"));
}
