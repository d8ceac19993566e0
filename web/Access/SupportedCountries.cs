using DeepPlate.Formats;

namespace DeepPlate.Web.Access;

/// <summary>
/// The countries whose institutions may use the reader: those whose plates it knows (the format registry's
/// countries), the way the reference service is offered only where it can help.
/// </summary>
public sealed class SupportedCountries
{
    private readonly HashSet<string> codes;

    public SupportedCountries(IEnumerable<string> codes) => this.codes = new(codes, StringComparer.OrdinalIgnoreCase);

    public static SupportedCountries From(FormatRegistry registry) => new(registry.Countries.Select(c => c.Code));

    /// <summary>The codes, sorted (for the admin area's list and the refusal page).</summary>
    public IReadOnlyList<string> Codes => [.. codes.Order(StringComparer.Ordinal)];

    public bool Contains(string country) => codes.Contains(country.Trim());
}
