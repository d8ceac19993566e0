using DeepPlate.Formats;

namespace DeepPlate.Inference;

/// <summary>A plate text valid for one of the scope's templates, with the model's probability of reading it.</summary>
/// <param name="Plate">As printed: the template's canonical form, separators included (<c>B AB 1234</c>).</param>
/// <param name="Compact">The characters alone (<c>BAB1234</c>): what the raw ranking lists.</param>
/// <param name="Template">The template's qualified id (<c>fe</c>, <c>ca/current</c>).</param>
/// <param name="Confidence">The product of its slots' confidences, "no character" slots included: the same number
/// the raw ranking gives the same text.</param>
/// <param name="Notes">Why the plate is rarer than others of its template (a combination not issued, a specimen
/// plate), from the formats' notIssued rules; empty for an ordinary plate.</param>
/// <param name="Prior">The product of those rules' priors (1 for an ordinary plate): the list is ordered by
/// Confidence x Prior.</param>
public sealed record ValidPlate(string Plate, string Compact, string Template, string TemplateName, double Confidence,
    IReadOnlyList<string> Notes, double Prior)
{
    /// <summary>What the list is ordered by: the model's probability times the combination's prior.</summary>
    public double Score => Confidence * Prior;
}

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
/// then checked with the registry, characters taken exactly as proposed (lists such as district codes are
/// per-position unions in a shape, and length limits are not positional), and a text already accepted is skipped.
/// <para>
/// <b>Structure filters, rarity only reorders.</b> A text of the right structure that a notIssued rule matches (a
/// banned word, a letter pair some states skip, a specimen plate) stays in the list with its notes; it is ranked by
/// confidence x prior, its confidence still the model's. Proposals come in descending confidence and a prior only
/// lowers a score, so the search goes on until the k-th best adjusted score is at least the last proposal's
/// confidence (no later text can beat it), then sorts by adjusted score (ties: search order) and keeps k.
/// </para>
/// <para>
/// <b>Likely formats and states.</b> With the template (or the US state) not given, the found texts are shared out
/// by Bayes: a text valid for several templates goes to each in proportion to prior / size (the template's share of
/// plates on the road, divided by how many texts it holds: the chance that a plate of that template is exactly this
/// text), times the prior of the template's notIssued rules the text matches (a banned word is that much less
/// likely under that template). Summed over the texts, weighted by confidence, and normalised, this is each
/// template's (and state's) share given the reading.
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

        // Every valid text found, in search order, with the template that accepted it; the k best are kept at the end.
        var found = new List<(ValidPlate Plate, int Template)>(k);
        var scores = new List<double>(k + 1);   // adjusted scores of found, descending: scores[k - 1] is the k-th best
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var seen = accepted.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<int> plate = stackalloc int[slots];
        Span<char> text = stackalloc char[slots];
        var examined = 0;
        var exhausted = false;
        var settled = false;
        var last = double.PositiveInfinity;
        while (true)
        {
            // Later proposals score at most the last one, and a prior never raises a score.
            if (scores.Count >= k && scores[k - 1] >= last)
            {
                settled = true;
                break;
            }
            if (examined == MaxExamined) break;
            if (!search.TryNext(plate, out var score, out var g))
            {
                exhausted = true;
                break;
            }
            examined++;
            last = score;
            var group = scope.Groups[groupOf[g]];
            var compact = text[..group.Length];
            for (var s = 0; s < compact.Length; s++) compact[s] = model.Alphabet[plate[s]];
            // Cheap refusals first (already listed, a list token not on its list), then the registry's full check.
            if (seen.Contains(compact) || !group.ListsAdmit(compact)) continue;
            var candidate = new string(compact);
            // The first of the group's templates (in scope order) that accepts the text is the one it is listed under.
            PlateCheck? check = null;
            var by = -1;
            foreach (var index in group.Templates)
            {
                var c = formats.Check(scope.Country.Code, candidate, null, scope.Templates[index].QualifiedId, PlateCheckMode.Exact);
                if (!c.IsValid) continue;
                (check, by) = (c, index);
                break;
            }
            if (check is null) continue;
            accepted.Add(candidate);
            if (check.Prior < 1) (check, by) = Likeliest(formats, scope, candidate, check, by);
            var t = scope.Templates[by];
            var valid = new ValidPlate(check.Canonical!, candidate, t.QualifiedId, t.Name, score, check.Notes, check.Prior);
            found.Add((valid, by));
            var at = scores.BinarySearch(valid.Score, Descending);
            scores.Insert(at < 0 ? ~at : at, valid.Score);
            if (scores.Count > k) scores.RemoveAt(k);
        }

        // Stable: equal adjusted scores keep the search order.
        var best = found.OrderByDescending(f => f.Plate.Score).Take(k).ToList();
        var plates = best.Select(f => f.Plate).ToList();
        var acceptedBy = best.Select(f => f.Template).ToList();
        var (likelyFormats, likelyStates) = scope.Format is null && scope.Templates.Count > 1 ? Likely(formats, scope, plates, acceptedBy) : ([], []);
        return new ValidResult(plates, settled || exhausted, likelyFormats, likelyStates);
    }

    // A text that a notIssued rule marks under the template that proposed it may be ordinary under another template
    // of the scope (a state that does not skip it): it takes the likeliest reading, as the registry's own check does.
    private static (PlateCheck Check, int Template) Likeliest(FormatRegistry formats, FormatScope scope, string compact, PlateCheck check, int template)
    {
        var (best, bestPrior) = (template, check.Prior);
        foreach (var (t, prior) in Acceptors(formats, scope, compact, skip: template))
        {
            if (prior > bestPrior) (best, bestPrior) = (t, prior);
        }
        return best == template ? (check, template) : (formats.Check(scope.Country.Code, compact, null, scope.Templates[best].QualifiedId, PlateCheckMode.Exact), best);
    }

    /// <summary>
    /// Every template of the scope that accepts <paramref name="compact"/>, with the text's notIssued prior under it:
    /// those with a shape of its length allowing its characters, then the registry's word on each, except where the
    /// shapes alone decide (no notIssued rule, no list: prior 1 without asking).
    /// </summary>
    private static IEnumerable<(int Template, double Prior)> Acceptors(FormatRegistry formats, FormatScope scope, string compact, int skip = -1)
    {
        foreach (var group in scope.Groups)
        {
            if (!group.Allows(compact, scope.Model)) continue;
            foreach (var t in group.Templates)
            {
                if (t == skip) continue;
                if (scope.ShapesDecide[t])
                {
                    yield return (t, 1);
                    continue;
                }
                var check = formats.Check(scope.Country.Code, compact, null, scope.Templates[t].QualifiedId, PlateCheckMode.Exact);
                if (check.IsValid) yield return (t, check.Prior);
            }
        }
    }

    private static readonly Comparer<double> Descending = Comparer<double>.Create((a, b) => b.CompareTo(a));

    /// <param name="acceptedBy">The template that accepted each plate in the search (no need to check it again).</param>
    private static (List<LikelyFormat>, List<LikelyState>) Likely(FormatRegistry formats, FormatScope scope, List<ValidPlate> plates, List<int> acceptedBy)
    {
        var share = new double[scope.Templates.Count];
        var member = new bool[scope.Templates.Count];
        var prior = new double[scope.Templates.Count];   // the notIssued prior of the text under each member template
        var total = 0.0;
        for (var i = 0; i < plates.Count; i++)
        {
            var p = plates[i];
            Array.Clear(member);
            member[acceptedBy[i]] = true;
            var weight = p.Prior * scope.Priors[acceptedBy[i]] / scope.Sizes[acceptedBy[i]];
            prior[acceptedBy[i]] = p.Prior;
            foreach (var (t, textPrior) in Acceptors(formats, scope, p.Compact, skip: acceptedBy[i]))
            {
                if (member[t]) continue;
                member[t] = true;
                prior[t] = textPrior;
                weight += textPrior * scope.Priors[t] / scope.Sizes[t];
            }
            if (weight <= 0) continue;
            total += p.Confidence;
            for (var t = 0; t < member.Length; t++)
            {
                if (member[t]) share[t] += p.Confidence * (prior[t] * scope.Priors[t] / scope.Sizes[t]) / weight;
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
