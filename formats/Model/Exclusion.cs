using System.Text.RegularExpressions;

namespace DeepPlate.Formats;

/// <summary>A rule that makes otherwise well-formed texts invalid (banned letter pairs, unissued numbers).</summary>
public sealed record Exclusion(Regex Regex, string Why);
