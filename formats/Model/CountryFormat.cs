namespace DeepPlate.Formats;

/// <summary>A country's plate formats, as read from its data file (and, for the US, its state files).</summary>
public sealed record CountryFormat(
    string Code,
    string Name,
    IReadOnlyList<string> Aliases,
    PlateStyle Plate,
    Typeface Typeface,
    IReadOnlyDictionary<string, TokenList> Lists,
    IReadOnlyList<PlateTemplate> Templates,
    IReadOnlyList<StateFormat> States,
    string Sha256)
{
    public bool HasStates => States.Count > 0;

    /// <summary>Which template shares a network learns of this country (the file's <c>prior</c>).</summary>
    public TaughtPrior Prior { get; init; } = TaughtPrior.Issued;

    /// <summary>A state by postal code (any case); throws <see cref="UnknownStateException"/> naming the known ones.</summary>
    public StateFormat State(string code) =>
        States.FirstOrDefault(s => s.Code.Equals(code.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new UnknownStateException(this, code);

    /// <summary>A template by id (<c>siv</c>) or, for the US, <c>state/id</c>; throws <see cref="UnknownTemplateException"/>.</summary>
    public PlateTemplate Template(string id) =>
        Templates.FirstOrDefault(t => t.QualifiedId.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new UnknownTemplateException(this, id);
}

/// <summary>A US state (or DC) with its own plate look and templates.</summary>
public sealed record StateFormat(
    string Code,
    string Name,
    double Weight,
    PlateStyle Plate,
    Typeface Typeface,
    IReadOnlyList<PlateTemplate> Templates,
    bool Verified,
    string? Note);

/// <summary>The template shares a network is taught as its prior: the one it falls back on when it cannot read.</summary>
public enum TaughtPrior
{
    /// <summary>As often as the templates (and states) are issued: the format file's weights.</summary>
    Issued,

    /// <summary>As often as the generator draws them (weights tempered by appearance.jsonc's templateTemper): for a
    /// country whose weights are judgment and whose photographs hold rare plates more often than they are issued.</summary>
    Drawn,
}
