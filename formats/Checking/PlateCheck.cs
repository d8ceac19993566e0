namespace DeepPlate.Formats;

/// <summary>The verdict on one text: valid with its template and canonical form, or invalid with a reason.</summary>
public sealed record PlateCheck(string Text, bool IsValid, PlateTemplate? Template, string? Canonical, string? Reason)
{
    internal static PlateCheck Valid(string text, PlateTemplate template, string canonical) => new(text, true, template, canonical, null);

    internal static PlateCheck Invalid(string text, string reason) => new(text, false, null, null, reason);
}
