namespace DeepPlate.Formats;

/// <summary>A sampled plate text: canonical (as printed, <c>-</c> for a hyphen, one space per gap) and compact.</summary>
public sealed record PlateText(PlateTemplate Template, string Text, string Compact);
