using DeepPlate.Formats;

namespace DeepPlate.Inference;

/// <summary>
/// What a reading's country, state and format allow, in a model's classes: the templates in play, one search group
/// per template shape (its length and the allowed classes at each position, "no character" after it), each
/// template's prior weight and size, and, when a format was chosen, the per-position mask. Built once per model and
/// (country, state, format) and shared by all threads (<see cref="PlateReader"/> caches it).
/// </summary>
public sealed class FormatScope
{
    private FormatScope(CountryFormat country, StateFormat? state, PlateTemplate? format, ModelInfo model,
        IReadOnlyList<PlateTemplate> templates, double[] priors, double[] sizes, bool[]? mask, List<ShapeGroup> groups)
    {
        ShapesDecide = [.. templates.Select(t => t.NotIssued.Count == 0 && !t.Elements.Any(e => e is ListSlot))];
        Country = country;
        State = state;
        Format = format;
        Model = model;
        Templates = templates;
        Priors = priors;
        Sizes = sizes;
        Mask = mask;
        Groups = groups;
    }

    public CountryFormat Country { get; }

    /// <summary>The US state given, or null (unknown, or a country without states).</summary>
    public StateFormat? State { get; }

    /// <summary>The format (template) chosen, or null: "Unknown", no rule on the raw ranking.</summary>
    public PlateTemplate? Format { get; }

    public ModelInfo Model { get; }

    /// <summary>The templates a valid plate may follow: the chosen one, the state's, or the country's (for the US
    /// without a state: every state's).</summary>
    public IReadOnlyList<PlateTemplate> Templates { get; }

    /// <summary>Each template's share of the plates on the road in this scope (state weight x template weight
    /// within its state, normalised), in the order of <see cref="Templates"/>.</summary>
    internal double[] Priors { get; }

    /// <summary>How many texts each template's shapes hold (lists counted by their per-position sets).</summary>
    internal double[] Sizes { get; }

    /// <summary>Per template: whether a text its shapes allow is always valid (no list tokens, no notIssued rule: prior 1), so
    /// that the registry need not be asked.</summary>
    internal bool[] ShapesDecide { get; }

    /// <summary>slots x classes: the classes the chosen format allows at each position, or null without a format.</summary>
    internal bool[]? Mask { get; }

    /// <summary>One search group per shape of every template: exact lengths and per-position sets.</summary>
    internal IReadOnlyList<ShapeGroup> Groups { get; }

    /// <param name="state">A state code, or null / empty / "unknown".</param>
    /// <param name="format">A template id (for the US the state's, or <c>state/id</c>), or null / empty / "unknown".</param>
    /// <exception cref="UnknownCountryException"/>
    /// <exception cref="UnknownStateException"/>
    /// <exception cref="UnknownTemplateException"/>
    /// <exception cref="ArgumentException">The format does not belong to the state, or a US format without its state.</exception>
    public static FormatScope Resolve(FormatRegistry formats, ModelInfo model, string country, string? state, string? format)
    {
        var c = formats.Country(country);
        var s = IsUnknown(state) ? null : c.State(state!);
        PlateTemplate? t = null;
        if (!IsUnknown(format))
        {
            var id = format!.Trim();
            if (c.HasStates && !id.Contains('/'))
            {
                if (s is null) throw new ArgumentException($"a format of {c.Name} belongs to a state: give the state too, or the format as state/{id}");
                id = $"{s.Code}/{id}";
            }
            try
            {
                t = c.Template(id);
            }
            catch (UnknownTemplateException) when (s is not null)
            {
                // Name the state's formats only, not every state's.
                throw new UnknownTemplateException(c with { Templates = s.Templates }, id);
            }
            if (s is not null && !string.Equals(t.State, s.Code, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"format {t.QualifiedId} is not a format of {s.Name}");
            }
            if (s is null && t.State is not null) s = c.State(t.State);
        }
        IReadOnlyList<PlateTemplate> templates = t is not null ? [t] : s is not null ? s.Templates : c.Templates;

        var slots = model.Slots;
        var classes = model.Classes;
        var priors = new double[templates.Count];
        var sizes = new double[templates.Count];
        var groups = new List<ShapeGroup>();
        var lists = new Dictionary<TokenList, HashSet<string>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            priors[i] = Prior(c, s, template);
            foreach (var shape in template.Shapes)
            {
                if (shape.Length > slots) continue;
                var flags = new bool[slots * classes];
                var size = 1.0;
                for (var p = 0; p < slots; p++)
                {
                    if (p >= shape.Length)
                    {
                        flags[p * classes + model.Blank] = true;
                        continue;
                    }
                    foreach (var ch in shape.Positions[p].Chars)
                    {
                        var k = model.Alphabet.IndexOf(ch);
                        if (k >= 0) flags[p * classes + k] = true;
                    }
                    size *= shape.Positions[p].Count;
                }
                sizes[i] += size;
                var runs = ListRuns(template, shape, lists);
                // The same shape in many templates (every US state's vanity plates) is searched once: each group
                // costs the search a frontier, and identical groups would only propose the same texts again.
                if (runs.Length == 0 && Same(groups, shape.Length, flags) is { } same)
                {
                    if (same.Templates[^1] != i) same.Templates.Add(i);
                    continue;
                }
                groups.Add(new ShapeGroup([i], shape.Length, flags, runs));
            }
        }
        var total = 0.0;
        foreach (var p in priors) total += p;
        for (var i = 0; i < priors.Length; i++) priors[i] = total > 0 ? priors[i] / total : 1.0 / priors.Length;

        return new FormatScope(c, s, t, model, templates, priors, sizes, t is null ? null : MaskOf(t, model), groups);
    }

    private static ShapeGroup? Same(List<ShapeGroup> groups, int length, bool[] flags)
    {
        foreach (var g in groups)
        {
            if (g.Length == length && g.Lists.Length == 0 && g.Flags.AsSpan().SequenceEqual(flags)) return g;
        }
        return null;
    }

    // Where a shape's list tokens lie (a run of positions from one list element) and the list's entries, shared
    // between shapes: a proposal whose run is not an entry is not a plate, known without asking the registry.
    private static ListRun[] ListRuns(PlateTemplate template, TemplateShape shape, Dictionary<TokenList, HashSet<string>> lists)
    {
        var runs = new List<ListRun>();
        for (var p = 0; p < shape.Length;)
        {
            var e = shape.ElementIndex[p];
            var end = p + 1;
            while (end < shape.Length && shape.ElementIndex[end] == e) end++;
            if (template.Elements[e] is ListSlot list)
            {
                if (!lists.TryGetValue(list.List, out var entries))
                {
                    entries = new HashSet<string>(list.List.Entries, StringComparer.Ordinal);
                    lists.Add(list.List, entries);
                }
                runs.Add(new ListRun(p, end - p, entries.GetAlternateLookup<ReadOnlySpan<char>>()));
            }
            p = end;
        }
        return [.. runs];
    }

    /// <summary>"Unknown" (or nothing) applies no rule.</summary>
    public static bool IsUnknown(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Equals("unknown", StringComparison.OrdinalIgnoreCase);

    // A template's share among the plates on the road: within its state by template weight, and across states (the
    // US without a state) by state weight.
    private static double Prior(CountryFormat c, StateFormat? chosen, PlateTemplate t)
    {
        if (t.State is null || chosen is not null) return t.Weight;
        var state = c.State(t.State);
        var within = 0.0;
        foreach (var other in state.Templates) within += other.Weight;
        return state.Weight * t.Weight / within;
    }

    private static bool[] MaskOf(PlateTemplate template, ModelInfo model)
    {
        var (allowed, canBeEmpty) = template.PositionSets(model.Slots);
        var mask = new bool[model.Slots * model.Classes];
        for (var p = 0; p < model.Slots; p++)
        {
            if (allowed[p] is { } set)
            {
                foreach (var ch in set.Chars)
                {
                    var k = model.Alphabet.IndexOf(ch);
                    if (k >= 0) mask[p * model.Classes + k] = true;
                }
            }
            mask[p * model.Classes + model.Blank] = canBeEmpty[p];
        }
        return mask;
    }

    /// <summary>
    /// Restricts each slot of <paramref name="distribution"/> to the chosen format's classes and renormalises it,
    /// so each position's confidences read "given this format". A slot whose allowed classes all have probability 0
    /// becomes uniform over them (the format still decides, the model has no opinion). Nothing without a format.
    /// </summary>
    public void Apply(Span<float> distribution)
    {
        if (Mask is null) return;
        var classes = Model.Classes;
        for (var s = 0; s < Model.Slots; s++)
        {
            var row = distribution.Slice(s * classes, classes);
            var flags = Mask.AsSpan(s * classes, classes);
            double sum = 0;
            var allowed = 0;
            for (var c = 0; c < classes; c++)
            {
                if (!flags[c]) row[c] = 0;
                else
                {
                    sum += row[c];
                    allowed++;
                }
            }
            if (allowed == 0) continue;
            for (var c = 0; c < classes; c++)
            {
                if (flags[c]) row[c] = sum > 0 ? (float)(row[c] / sum) : 1f / allowed;
            }
        }
    }
}

/// <summary>One shape as a search group: the indices in the scope of the templates that have it (in scope order;
/// several only for a shape without list tokens), the plate length, the allowed classes (slots x classes), and where
/// its list tokens lie.</summary>
internal sealed record ShapeGroup(List<int> Templates, int Length, bool[] Flags, ListRun[] Lists)
{
    /// <summary>Whether every list token of <paramref name="compact"/> (a text of this shape's length) is on its list.</summary>
    public bool ListsAdmit(ReadOnlySpan<char> compact)
    {
        foreach (var run in Lists)
        {
            if (!run.Entries.Contains(compact.Slice(run.Start, run.Length))) return false;
        }
        return true;
    }

    /// <summary>Whether the shape allows <paramref name="compact"/>: its length, each position's characters, its lists.</summary>
    public bool Allows(ReadOnlySpan<char> compact, ModelInfo model)
    {
        if (compact.Length != Length) return false;
        for (var s = 0; s < compact.Length; s++)
        {
            var c = model.Alphabet.IndexOf(compact[s]);
            if (c < 0 || !Flags[s * model.Classes + c]) return false;
        }
        return ListsAdmit(compact);
    }
}

/// <summary>Positions [Start, Start + Length) of a shape hold one token of a closed list.</summary>
internal readonly record struct ListRun(int Start, int Length, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Entries);
