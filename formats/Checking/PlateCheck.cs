namespace DeepPlate.Formats;

/// <summary>
/// The verdict on one text: valid with its template and canonical form, or invalid with a reason. A valid text may
/// carry notes: characters read as others (typed forms) and the not-issued rules it matches, whose priors multiply
/// into <see cref="Prior"/> (1 for an ordinary plate; lower for a rarer one, never a refusal).
/// </summary>
public sealed record PlateCheck(string Text, bool IsValid, PlateTemplate? Template, string? Canonical, string? Reason,
    IReadOnlyList<string> Notes, double Prior)
{
    internal static PlateCheck Valid(string text, PlateTemplate template, string canonical, IReadOnlyList<string> notes, double prior) =>
        new(text, true, template, canonical, null, notes, prior);

    internal static PlateCheck Invalid(string text, string reason) => new(text, false, null, null, reason, [], 1);
}

/// <summary>How literally a text is taken.</summary>
public enum PlateCheckMode
{
    /// <summary>Typed by a person: besides case and separators, AE/OE/UE may stand for an umlaut and O/0, I/1 for
    /// each other where only one of them fits, each change named in a note.</summary>
    Typed,

    /// <summary>Characters as given (a reader's proposals): only case and separators are free.</summary>
    Exact,
}
