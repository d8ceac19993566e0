using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Synth;

namespace DeepPlate.Web.Features.Templates;

/// <summary>What the upload page offers: every country of the format files, whether it can be read now, and its
/// templates (the US: per state).</summary>
public sealed record CountryChoice(string Code, string Name, bool HasModel, IReadOnlyList<TemplateChoice> Templates, IReadOnlyList<StateChoice> States);

public sealed record StateChoice(string Code, string Name, IReadOnlyList<TemplateChoice> Templates);

/// <param name="Id">The id the reader takes as the format (within the state for the US).</param>
public sealed record TemplateChoice(string Id, string Name, string Example, bool Legacy, string PictureUrl);

public static class CountryChoices
{
    /// <summary>The choices, built once from the format files and the loaded models.</summary>
    public static IReadOnlyList<CountryChoice> Build(FormatRegistry formats, ModelCatalog models)
    {
        var readable = models.Models.Select(m => m.Info.Country).ToHashSet(StringComparer.Ordinal);
        return [.. formats.Countries.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new CountryChoice(c.Code, c.Name, readable.Contains(c.Code),
            [.. c.Templates.Select(t => Choice(formats, c, t))],
            [.. c.States.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new StateChoice(s.Code, s.Name, [.. s.Templates.Select(t => Choice(formats, c, t))]))]))];
    }

    private static TemplateChoice Choice(FormatRegistry formats, CountryFormat country, PlateTemplate t) =>
        new(t.Id, t.Name, SpecimenSheet.ExampleText(formats, t).Text, t.Status == TemplateStatus.Legacy, $"/templates/{country.Code}/{t.QualifiedId}.png");
}
