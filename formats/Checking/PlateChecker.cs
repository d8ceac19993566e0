namespace DeepPlate.Formats;

/// <summary>Decides whether a text is a plate of some templates and, when it is not, says why in plain words.</summary>
internal static class PlateChecker
{
    public static PlateCheck Check(string text, IReadOnlyList<PlateTemplate> templates, string where, PlateCheckMode mode = PlateCheckMode.Typed)
    {
        var normal = TextNormalizer.Normalize(text);
        var compact = TextNormalizer.Compact(text);
        if (compact.Length == 0) return PlateCheck.Invalid(text, "the text is empty");

        // Case is free in both modes; a person is told, a reader's proposals are upper case anyway.
        IReadOnlyList<string> typed = mode == PlateCheckMode.Typed && text.Any(char.IsLower) ? ["read as upper case"] : [];
        var (best, ruleReason) = Best(text, normal, compact, templates, typed);
        if (best is not null) return best;
        if (mode == PlateCheckMode.Typed)
        {
            // Only a text that fits nowhere as typed is read otherwise: "UE" is itself a German district (Uelzen).
            foreach (var reading in TypedReadings.Of(normal, templates))
            {
                var (alternative, _) = Best(text, reading.Text, TextNormalizer.Compact(reading.Text), templates, [.. typed, .. reading.Notes]);
                if (alternative is not null) return alternative;
            }
        }
        return PlateCheck.Invalid(text, ruleReason ?? Explain(normal, compact, templates, where, mode));
    }

    /// <summary>The best template the normalised text fits, or the first length limit it broke.</summary>
    private static (PlateCheck? Best, string? RuleReason) Best(string text, string normal, string compact, IReadOnlyList<PlateTemplate> templates, IReadOnlyList<string> notes)
    {
        string? ruleReason = null;
        PlateCheck? best = null;
        var bestAgreement = int.MinValue;
        foreach (var template in templates)
        {
            var match = template.Matcher.Match(normal);
            if (!match.Success) continue;
            var canonical = TemplateRegex.Canonical(template.Elements, match);
            // A length limit is structure: it refuses.
            if (template.MaxChars is int max && compact.Length > max)
            {
                ruleReason ??= $"{Name(template)} allows at most {max} characters";
                continue;
            }
            // A not-issued rule only makes the text rarer and says why.
            var prior = 1.0;
            var ruleNotes = new List<string>(notes);
            foreach (var rule in template.NotIssued)
            {
                if (!rule.Regex.IsMatch(canonical)) continue;
                prior *= rule.Prior;
                ruleNotes.Add(rule.Why);
            }
            // Of several valid readings, the one whose gaps agree with the typed separators; then the likelier one;
            // then the first listed.
            var agreement = TemplateRegex.SeparatorAgreement(template.Elements, match);
            if (agreement > bestAgreement || (agreement == bestAgreement && prior > best!.Prior))
            {
                best = PlateCheck.Valid(text, template, canonical, ruleNotes, prior);
                bestAgreement = agreement;
            }
        }
        return (best, ruleReason);
    }

    private static string Name(PlateTemplate t) => $"{t.QualifiedId} ({t.Name})";

    private static string Explain(string normal, string compact, IReadOnlyList<PlateTemplate> templates, string where, PlateCheckMode mode)
    {
        foreach (var c in normal)
        {
            if (TemplateRegex.Separators.Contains(c)) continue;
            if (!templates.Any(t => t.Alphabet.Contains(c))) return $"'{c}' is not used on plates of {where}";
        }

        if (normal.Length != compact.Length && Check(compact, templates, where, mode) is { IsValid: true } without)
        {
            return $"the separators do not fit; as {without.Canonical} it would be {Name(without.Template!)}";
        }

        // The closest shape of the same length: the one whose first wrong character comes latest.
        (PlateTemplate Template, TemplateShape Shape, int Wrong)? best = null;
        foreach (var template in templates)
        {
            foreach (var shape in template.Shapes)
            {
                if (shape.Length != compact.Length) continue;
                var wrong = 0;
                while (wrong < compact.Length && shape.Positions[wrong].Contains(compact[wrong])) wrong++;
                if (best is null || wrong > best.Value.Wrong) best = (template, shape, wrong);
            }
        }

        if (best is null)
        {
            var lengths = templates.SelectMany(t => t.Shapes.Select(s => s.Length)).Distinct().Order().ToList();
            return $"{compact.Length} characters, but plates of {where} have {Range(lengths)}";
        }

        var (closest, closestShape, at) = best.Value;
        if (at < compact.Length)
        {
            return $"closest template {Name(closest)}, e.g. {closest.Example}: character {at + 1} '{compact[at]}' "
                + $"should be {closestShape.Positions[at].Describe()}";
        }

        // Every position fits its set, so a list token is not on its list.
        for (var e = 0; e < closest.Elements.Count; e++)
        {
            if (closest.Elements[e] is not ListSlot list) continue;
            var first = IndexOf(closestShape.ElementIndex, e);
            var length = closestShape.ElementIndex.Count(x => x == e);
            var token = compact.Substring(first, length);
            if (!list.List.Entries.Contains(token)) return $"'{token}' is not a known {list.List.Name} of {where}";
        }
        return $"no template of {where} matches";
    }

    private static int IndexOf(IReadOnlyList<int> values, int value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value) return i;
        }
        return -1;
    }

    private static string Range(List<int> lengths) =>
        lengths.Count == 1 ? $"{lengths[0]}" : $"{lengths[0]} to {lengths[^1]}";
}
