namespace DeepPlate.Formats;

/// <summary>
/// Every country's plate formats, loaded once from the data files. The generator, the trainer, the reader and the
/// web app all ask this one registry.
/// </summary>
public sealed class FormatRegistry
{
    private static readonly Lazy<FormatRegistry> DefaultRegistry = new(() => Load(DefaultDirectory));

    private readonly Dictionary<string, CountryFormat> byCode;

    private FormatRegistry(IReadOnlyList<CountryFormat> countries, string directory)
    {
        Countries = countries;
        Directory = directory;
        byCode = new(StringComparer.OrdinalIgnoreCase);
        foreach (var c in countries)
        {
            foreach (var code in c.Aliases.Prepend(c.Code))
            {
                if (!byCode.TryAdd(code, c)) throw new FormatFileException($"formats/{c.Code}.jsonc", "aliases", $"code '{code}' is used by two countries");
            }
        }
    }

    /// <summary>The registry of the data files beside the binaries (or <c>DEEPPLATE_FORMATS</c>), loaded on first use.</summary>
    public static FormatRegistry Default => DefaultRegistry.Value;

    /// <summary><c>DEEPPLATE_FORMATS</c> if set, else the <c>formats</c> folder that the build copies beside the binaries.</summary>
    public static string DefaultDirectory =>
        Environment.GetEnvironmentVariable("DEEPPLATE_FORMATS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "formats");

    public string Directory { get; }

    /// <summary>The countries, ordered by code.</summary>
    public IReadOnlyList<CountryFormat> Countries { get; }

    /// <summary>Loads and validates every country file in <paramref name="directory"/> and its state folders.</summary>
    public static FormatRegistry Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) throw new DirectoryNotFoundException($"no formats folder at {directory}");
        var files = System.IO.Directory.GetFiles(directory, "*.jsonc").Order(StringComparer.Ordinal).ToList();
        foreach (var sub in System.IO.Directory.GetDirectories(directory))
        {
            if (!File.Exists(sub + ".jsonc")) throw new FormatFileException($"formats/{Path.GetFileName(sub)}/", "", "a state folder needs its country file beside it");
        }
        return new FormatRegistry([.. files.Select(f => FormatFileLoader.Load(f, directory))], directory);
    }

    public bool TryGetCountry(string code, out CountryFormat country) => byCode.TryGetValue(code.Trim(), out country!);

    /// <summary>A country by code or alias, any case; throws <see cref="UnknownCountryException"/>.</summary>
    public CountryFormat Country(string code) =>
        TryGetCountry(code, out var c) ? c : throw new UnknownCountryException(code, Countries.Select(x => x.Code));

    /// <summary>
    /// Whether <paramref name="text"/> is a plate of the country (of one state, of one template), and which template
    /// it matches or why not. <paramref name="mode"/>: <see cref="PlateCheckMode.Typed"/> for what a person typed (some
    /// characters may be read as others, with a note), <see cref="PlateCheckMode.Exact"/> for a reader's proposals.
    /// </summary>
    public PlateCheck Check(string country, string text, string? state = null, string? template = null, PlateCheckMode mode = PlateCheckMode.Typed)
    {
        var c = Country(country);
        IReadOnlyList<PlateTemplate> templates = c.Templates;
        var where = c.Name;
        if (state is not null)
        {
            var s = c.State(state);
            templates = s.Templates;
            where = s.Name;
        }
        if (template is not null) templates = [c.Template(state is null || template.Contains('/') ? template : $"{state}/{template}")];
        return PlateChecker.Check(text, templates, where, mode);
    }

    /// <summary>Sample <paramref name="index"/> of the stream <paramref name="seed"/>: a pure function of both.</summary>
    public PlateText SampleAt(string country, ulong seed, long index, string? state = null)
    {
        var c = Country(country);
        var random = DeterministicRandom.For(seed, index);
        var template = TextSampler.PickTemplate(c, state, ref random);
        return TextSampler.Sample(template, ref random);
    }

    public IReadOnlyList<PlateText> Samples(string country, ulong seed, int count, string? state = null)
    {
        var list = new List<PlateText>(count);
        for (var i = 0; i < count; i++) list.Add(SampleAt(country, seed, i, state));
        return list;
    }
}
