using DeepPlate.Formats;

namespace DeepPlate.Inference;

/// <summary>
/// Every model in a folder, loaded once with its metadata and shared by all threads (ONNX Runtime sessions run
/// concurrently). A model is refused, with the reason kept for whoever asks for its country, when its file is not a
/// readable DeepPlate model or its network cannot read the country the registry holds now: a country it does not
/// have, another alphabet or slot count. Format files edited since training (their SHA-256 differs) with the same
/// alphabet and slots do not refuse a model: the network's contract is its alphabet, slots and input, while
/// validity, ranking and likely formats are decided at read time by the current files. Such a model is accepted
/// and listed in <see cref="Notes"/>, because it never saw the series added since (retrain it to learn them).
/// </summary>
public sealed class ModelCatalog : IDisposable
{
    private static readonly Lazy<ModelCatalog> DefaultCatalog = new(() => Load(DefaultDirectory, FormatRegistry.Default));

    private readonly FormatRegistry formats;
    private readonly Dictionary<string, PlateModel> byCountry;

    private ModelCatalog(string directory, FormatRegistry formats, List<PlateModel> models, List<RefusedModel> refused, List<ModelNote> notes)
    {
        Directory = directory;
        this.formats = formats;
        Models = models;
        Refused = refused;
        Notes = notes;
        byCountry = new(StringComparer.Ordinal);
        foreach (var m in models) byCountry.Add(m.Info.Country, m);
    }

    /// <summary><c>DEEPPLATE_MODELS</c> if set, else the <c>models</c> folder the build copies beside the binaries
    /// (the shipped models of <c>inference/models/</c>).</summary>
    public static string DefaultDirectory =>
        Environment.GetEnvironmentVariable("DEEPPLATE_MODELS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>The models of <see cref="DefaultDirectory"/> checked against <see cref="FormatRegistry.Default"/>, loaded on first use.</summary>
    public static ModelCatalog Default => DefaultCatalog.Value;

    public string Directory { get; }

    /// <summary>The accepted models, one per country, ordered by file name.</summary>
    public IReadOnlyList<PlateModel> Models { get; }

    /// <summary>The files that were refused, and why.</summary>
    public IReadOnlyList<RefusedModel> Refused { get; }

    /// <summary>Accepted models trained against earlier format files of their country, and what that means.</summary>
    public IReadOnlyList<ModelNote> Notes { get; }

    /// <summary>
    /// Loads every <c>*.onnx</c> file of <paramref name="directory"/> (none when it does not exist) and checks each
    /// against <paramref name="formats"/>. Of two models for one country the first by file name is kept.
    /// </summary>
    /// <param name="threads">ONNX Runtime intra-op threads per model; 0 lets it choose.</param>
    public static ModelCatalog Load(string directory, FormatRegistry formats, int threads = 0)
    {
        var files = System.IO.Directory.Exists(directory) ? System.IO.Directory.GetFiles(directory, "*.onnx") : [];
        Array.Sort(files, StringComparer.Ordinal);
        return Load(directory, files, formats, threads);
    }

    /// <summary>One model file alone, checked as a folder's would be (an evaluation of a model not yet shipped).</summary>
    public static ModelCatalog LoadFile(string file, FormatRegistry formats, int threads = 0) =>
        Load(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!, [file], formats, threads);

    private static ModelCatalog Load(string directory, string[] files, FormatRegistry formats, int threads)
    {
        var models = new List<PlateModel>();
        var refused = new List<RefusedModel>();
        var notes = new List<ModelNote>();
        foreach (var file in files)
        {
            PlateModel model;
            try
            {
                model = new PlateModel(file, threads);
            }
            catch (InvalidDataException e)
            {
                refused.Add(new RefusedModel(file, null, e.Message));
                continue;
            }
            var problem = Mismatch(model.Info, formats, file)
                ?? (models.Find(m => m.Info.Country == model.Info.Country) is { } first
                    ? $"{file}: a second model for {model.Info.Country}; {first.Path} is used (keep one model per country in the folder)"
                    : null);
            if (problem is null)
            {
                models.Add(model);
                if (FormatsChanged(model.Info, formats) is { } note) notes.Add(new ModelNote(file, model.Info.Country, $"{file}: {note}"));
            }
            else
            {
                model.Dispose();
                refused.Add(new RefusedModel(file, model.Info.Country, problem));
            }
        }
        return new ModelCatalog(directory, formats, models, refused, notes);
    }

    /// <summary>Why a model cannot serve with these format files, or null when it can.</summary>
    public static string? Mismatch(ModelInfo info, FormatRegistry formats, string file)
    {
        if (!formats.TryGetCountry(info.Country, out var country))
        {
            return $"{file}: reads country '{info.Country}', which the format files in {formats.Directory} do not have";
        }
        var alphabet = ModelAlphabet.For(country);
        if (info.Alphabet != alphabet.Characters || info.Slots != alphabet.Slots)
        {
            return $"{file}: reads {info.Slots} slots of '{info.Alphabet}' but the format files of {country.Name} give {alphabet.Slots} slots of '{alphabet.Characters}'";
        }
        return null;
    }

    /// <summary>What to say of a model trained against other format files of its country than the registry's, or null.</summary>
    public static string? FormatsChanged(ModelInfo info, FormatRegistry formats)
    {
        if (!formats.TryGetCountry(info.Country, out var country)) return null;
        if (string.Equals(info.FormatsSha256, country.Sha256, StringComparison.OrdinalIgnoreCase)) return null;
        return $"trained against other format files of {country.Name} (SHA-256 {Short(info.FormatsSha256)}, the files in {formats.Directory} " +
            $"are {Short(country.Sha256)}); it reads the same alphabet and slots and its readings follow the current rules, " +
            "but it never saw what the files added since: train it again to learn it";
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] + "…" : sha;

    /// <summary>The model of a country (code or alias, any case).</summary>
    /// <exception cref="UnknownCountryException">The format files have no such country.</exception>
    /// <exception cref="ModelUnavailableException">No model for it was accepted: none in the folder, or refused (the reason is given).</exception>
    public PlateModel For(string country)
    {
        var c = formats.Country(country);
        if (byCountry.TryGetValue(c.Code, out var model)) return model;
        var reasons = Refused.Where(r => r.Country == c.Code).Select(r => r.Reason).ToList();
        if (reasons.Count > 0) throw new ModelUnavailableException($"the model for {c.Name} was refused: {string.Join("; ", reasons)}");
        // A file whose metadata could not be read (or names another country) may have been meant for this one.
        var others = Refused.Select(r => r.Reason).ToList();
        throw new ModelUnavailableException($"no model for {c.Name} ({c.Code}) yet: its plates are in the format files, but no model for it is in {Directory}" +
            (others.Count > 0 ? $"; files refused there: {string.Join("; ", others)}" : ""));
    }

    public void Dispose()
    {
        foreach (var m in Models) m.Dispose();
    }
}

/// <summary>A model file the catalog refused: its country when its metadata could be read, and the reason.</summary>
public sealed record RefusedModel(string File, string? Country, string Reason);

/// <summary>An accepted model worth a word: trained against earlier format files of its country.</summary>
public sealed record ModelNote(string File, string Country, string Note);

/// <summary>No usable model for the country asked: the message says whether none is there or why it was refused.</summary>
public sealed class ModelUnavailableException(string message) : InvalidOperationException(message);
