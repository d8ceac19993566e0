using DeepPlate.Formats;

namespace DeepPlate.Inference;

/// <summary>A plate text valid for one of the scope's templates, with the model's probability of reading it.</summary>
/// <param name="Plate">As printed: the template's canonical form, separators included (<c>B AB 1234</c>).</param>
/// <param name="Compact">The characters alone (<c>BAB1234</c>): what the raw ranking lists.</param>
/// <param name="Template">The template's qualified id (<c>fe</c>, <c>ca/current</c>).</param>
/// <param name="Confidence">The product of its slots' confidences, "no character" slots included: the same number
/// the raw ranking gives the same text.</param>
public sealed record ValidPlate(string Plate, string Compact, string Template, string TemplateName, double Confidence);

/// <summary>A template's share of the probability of the valid plates found: how likely the plate follows it.</summary>
public sealed record LikelyFormat(string Template, string Name, string? State, double Share);

/// <summary>A US state's share of the probability of the valid plates found (the sum of its templates').</summary>
public sealed record LikelyState(string State, string Name, double Share);

/// <param name="Complete">False when the search stopped at <see cref="ValidRanking.MaxExamined"/> candidates before
/// finding k valid texts: the list is then exact among those examined only.</param>
public sealed record ValidResult(IReadOnlyList<ValidPlate> Plates, bool Complete, IReadOnlyList<LikelyFormat> Formats, IReadOnlyList<LikelyState> States);

/// <summary>
/// The k most probable texts that are valid plates of the scope's templates. Each distinct template shape (an exact
/// length and the allowed characters at each position, "no character" after it; shared by all templates that have
/// it) is one group of the best-first
/// <see cref="PlateSearch"/>, so the search never proposes a text of the wrong structure, and proposals come out in
/// exact descending probability across all templates. The distributions are masked, not renormalised per template:
/// a text's score stays the model's probability of that reading, the same whichever template proposed it, so texts
/// of different templates compare fairly and a rare template is not inflated by its small mass. Each proposal is
/// then checked with the registry (lists such as district codes are per-position unions in a shape, and exclusion
/// rules and length limits are not positional), and a text already accepted is skipped.
/// <para>
/// <b>Likely formats and states.</b> With the template (or the US state) not given, the found texts are shared out
/// by Bayes: a text valid for several templates goes to each in proportion to prior / size (the template's share of
/// plates on the road, divided by how many texts it holds: the chance that a plate of that template is exactly this
/// text). Summed over the texts and normalised, this is each template's (and state's) share given the reading.
/// </para>
/// </summary>
public static class ValidRanking
{
    /// <summary>Most proposals examined before giving up on finding k valid texts.</summary>
    public const int MaxExamined = 20_000;

    /// <summary>How many likely formats and states are listed.</summary>
    public const int MaxLikely = 10;

    /// <param name="distribution">slots x classes of the scope's model, already masked if a format was chosen.</param>
    public static ValidResult Rank(FormatRegistry formats, FormatScope scope, ReadOnlySpan<float> distribution, int k)
    {
        var model = scope.Model;
        var (slots, classes) = (model.Slots, model.Classes);
        var search = PlateSearch.ForThisThread();
        search.Reset(distribution, slots, classes);
        var groupOf = new List<int>(scope.Groups.Count);
        for (var g = 0; g < scope.Groups.Count; g++)
        {
            if (search.AddGroup(scope.Groups[g].Flags) >= 0) groupOf.Add(g);
        }

        var plates = new List<ValidPlate>(k);
        var acceptedBy = new List<int>(k);
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var seen = accepted.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<int> plate = stackalloc int[slots];
        Span<char> text = stackalloc char[slots];
        var examined = 0;
        var exhausted = false;
        while (plates.Count < k)
        {
            if (examined == MaxExamined) break;
            if (!search.TryNext(plate, out var score, out var g))
            {
                exhausted = true;
                break;
            }
            examined++;
            var group = scope.Groups[groupOf[g]];
            var compact = text[..group.Length];
            for (var s = 0; s < compact.Length; s++) compact[s] = model.Alphabet[plate[s]];
            // Cheap refusals first (already listed, a list token not on its list), then the registry's full check.
            if (seen.Contains(compact) || !group.ListsAdmit(compact)) continue;
            var candidate = new string(compact);
            // The first of the group's templates (in scope order) that accepts the text is the one it is listed under.
            foreach (var t in group.Templates)
            {
                var template = scope.Templates[t];
                var check = formats.Check(scope.Country.Code, candidate, null, template.QualifiedId);
                if (!check.IsValid) continue;
                accepted.Add(candidate);
                acceptedBy.Add(t);
                plates.Add(new ValidPlate(check.Canonical!, candidate, template.QualifiedId, template.Name, score));
                break;
            }
        }

        var (likelyFormats, likelyStates) = scope.Format is null && scope.Templates.Count > 1 ? Likely(formats, scope, plates, acceptedBy) : ([], []);
        return new ValidResult(plates, plates.Count == k || exhausted, likelyFormats, likelyStates);
    }

    /// <param name="acceptedBy">The template that accepted each plate in the search (no need to check it again).</param>
    private static (List<LikelyFormat>, List<LikelyState>) Likely(FormatRegistry formats, FormatScope scope, List<ValidPlate> plates, List<int> acceptedBy)
    {
        var model = scope.Model;
        var share = new double[scope.Templates.Count];
        var member = new bool[scope.Templates.Count];
        var total = 0.0;
        for (var i = 0; i < plates.Count; i++)
        {
            var p = plates[i];
            Array.Clear(member);
            member[acceptedBy[i]] = true;
            var weight = scope.Priors[acceptedBy[i]] / scope.Sizes[acceptedBy[i]];
            // Templates with a shape of this length allowing these characters, then the registry's word on each.
            foreach (var group in scope.Groups)
            {
                if (!group.Allows(p.Compact, model)) continue;
                foreach (var t in group.Templates)
                {
                    if (member[t]) continue;
                    if (!scope.ShapesDecide[t] && !formats.Check(scope.Country.Code, p.Compact, null, scope.Templates[t].QualifiedId).IsValid) continue;
                    member[t] = true;
                    weight += scope.Priors[t] / scope.Sizes[t];
                }
            }
            if (weight <= 0) continue;
            total += p.Confidence;
            for (var t = 0; t < member.Length; t++)
            {
                if (member[t]) share[t] += p.Confidence * (scope.Priors[t] / scope.Sizes[t]) / weight;
            }
        }
        if (total <= 0) return ([], []);

        var likelyFormats = new List<LikelyFormat>();
        var byState = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var t = 0; t < share.Length; t++)
        {
            if (share[t] <= 0) continue;
            var template = scope.Templates[t];
            likelyFormats.Add(new LikelyFormat(template.QualifiedId, template.Name, template.State, share[t] / total));
            if (template.State is { } s) byState[s] = byState.GetValueOrDefault(s) + share[t] / total;
        }
        likelyFormats.Sort((a, b) => b.Share != a.Share ? b.Share.CompareTo(a.Share) : string.CompareOrdinal(a.Template, b.Template));
        if (likelyFormats.Count > MaxLikely) likelyFormats.RemoveRange(MaxLikely, likelyFormats.Count - MaxLikely);

        var likelyStates = new List<LikelyState>();
        if (scope.State is null && scope.Country.HasStates)
        {
            foreach (var (code, value) in byState) likelyStates.Add(new LikelyState(code, scope.Country.State(code).Name, value));
            likelyStates.Sort((a, b) => b.Share != a.Share ? b.Share.CompareTo(a.Share) : string.CompareOrdinal(a.State, b.State));
            if (likelyStates.Count > MaxLikely) likelyStates.RemoveRange(MaxLikely, likelyStates.Count - MaxLikely);
        }
        return (likelyFormats, likelyStates);
    }
}
