using System.Text;

namespace DeepPlate.Formats;

/// <summary>Draws valid plate texts: templates and list tokens by their weights, repeat counts and characters uniformly.</summary>
public static class TextSampler
{
    private const int MaxTries = 10_000;

    public static PlateText Sample(PlateTemplate template, ref DeterministicRandom random)
    {
        var text = new StringBuilder();
        var compact = new StringBuilder();
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            text.Clear();
            compact.Clear();
            foreach (var element in template.Elements)
            {
                switch (element)
                {
                    case CharSlot s:
                        var n = random.NextInclusive(s.Min, s.Max);
                        for (var i = 0; i < n; i++)
                        {
                            var c = s.Set[random.Next(s.Set.Count)];
                            text.Append(c);
                            compact.Append(c);
                        }
                        break;
                    case ListSlot l:
                        var token = l.List.Entries[random.Pick(l.List.Cumulative)];
                        text.Append(token);
                        compact.Append(token);
                        break;
                    case Gap g:
                        text.Append(g.Kind == GapKind.Hyphen ? '-' : ' ');
                        break;
                }
            }
            if (template.MaxChars is int max && compact.Length > max) continue;
            var canonical = text.ToString();
            // Training texts stay the ordinary, issued ones: the sample streams do not depend on how notIssued texts are checked.
            if (template.NotIssued.Any(x => x.Regex.IsMatch(canonical))) continue;
            return new PlateText(template, canonical, compact.ToString());
        }
        throw new InvalidOperationException($"template {template.QualifiedId}: no valid text in {MaxTries} tries");
    }

    /// <summary>Chooses a template by weight (for the US: a state by weight, then one of its templates).</summary>
    /// <param name="temper">Every weight is raised to this power first: 1 draws templates (and states) as often as
    /// they are issued; below 1 draws the rare ones more often (a generator's choice; the reader's prior keeps the
    /// issued weights).</param>
    public static PlateTemplate PickTemplate(CountryFormat country, string? state, ref DeterministicRandom random, double temper = 1) =>
        PickTemplate(country, state, ref random, temper, out _);

    /// <param name="issuedOverDrawn">How much more often the chosen template (and state) is issued than drawn at this
    /// temper: 1 at a temper of 1. A loss weighted by it has the expectation of untempered draws, so a network can see
    /// rare plates often without learning a prior in which they are common.</param>
    public static PlateTemplate PickTemplate(CountryFormat country, string? state, ref DeterministicRandom random, double temper, out double issuedOverDrawn)
    {
        IReadOnlyList<PlateTemplate> templates;
        issuedOverDrawn = 1;
        if (state is not null) templates = country.State(state).Templates;
        else if (country.HasStates)
        {
            double[] stateWeights = [.. country.States.Select(s => s.Weight)];
            double[] temperedStates = [.. stateWeights.Select(w => Temper(w, temper))];
            var s = random.PickWeighted(temperedStates);
            issuedOverDrawn = IssuedOverDrawn(stateWeights, temperedStates, s);
            templates = country.States[s].Templates;
        }
        else templates = country.Templates;
        double[] weights = [.. templates.Select(t => t.Weight)];
        double[] tempered = [.. weights.Select(w => Temper(w, temper))];
        var t = random.PickWeighted(tempered);
        issuedOverDrawn *= IssuedOverDrawn(weights, tempered, t);
        return templates[t];
    }

    // Untempered, both shares are the same division of the same numbers: exactly 1.
    private static double IssuedOverDrawn(double[] issued, double[] drawn, int chosen) =>
        issued[chosen] / issued.Sum() / (drawn[chosen] / drawn.Sum());

    // A power of 1 leaves the weights as they are, so that untempered streams stay what they were to the last bit.
    private static double Temper(double weight, double temper) => temper == 1 ? weight : Math.Pow(weight, temper);
}
