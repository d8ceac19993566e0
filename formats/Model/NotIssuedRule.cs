using System.Text.RegularExpressions;

namespace DeepPlate.Formats;

/// <summary>
/// Combinations of a template that are not issued, or not to ordinary cars (banned words, letter pairs some states
/// skip, reserved series, specimen plates). A text it matches is still a valid plate: such plates are on the road
/// (issued elsewhere or earlier, or as another vehicle series), only rarer. <see cref="Prior"/> (in (0, 1]) is how
/// much less likely such a text is than an ordinary text of the template; <see cref="Why"/> is the note it gets.
/// </summary>
public sealed record NotIssuedRule(Regex Regex, string Why, double Prior)
{
    /// <summary>The prior of a rule that names none: ten times rarer than an ordinary plate (judgment).</summary>
    public const double DefaultPrior = 0.1;
}
