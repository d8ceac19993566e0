using System.Collections.Concurrent;
using System.Diagnostics;
using DeepPlate.Formats;

namespace DeepPlate.Synth;

/// <summary>Where a built-in font id's outlines come from.</summary>
public enum FontOrigin
{
    /// <summary>The project's own outline data, <c>fonts/&lt;id&gt;.jsonc</c>.</summary>
    Outline,
    /// <summary>A font file installed by a Debian package.</summary>
    Debian,
}

/// <summary>One row of the built-in font table (documented in <c>fonts/README.md</c>).</summary>
/// <param name="Id">The font id the formats data names (<c>typeface.font</c>).</param>
/// <param name="Origin">Own outlines or a Debian font.</param>
/// <param name="File">The outline data file name, or the font file's usual absolute path.</param>
/// <param name="Package">The Debian package that installs <paramref name="File"/> (null for own outlines).</param>
/// <param name="Approximates">What the font stands in for.</param>
/// <param name="FitToCap">Characters of a Debian font squeezed vertically onto the baseline (a text font's descending
/// J, where the plate's J sits on the baseline); see <see cref="TrueTypePlateFont"/>.</param>
public sealed record FontSource(string Id, FontOrigin Origin, string File, string? Package, string Approximates, string? FitToCap = null);

/// <summary>A font id that cannot be drawn: unknown, or its Debian package is not installed.</summary>
public sealed class FontUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Maps the font ids of the formats data to <see cref="PlateFont"/>s: the project's own outlines for FE-Schrift and
/// Charles Wright 2001, Debian's open fonts for the rest (table in <c>fonts/README.md</c>). A user can point any id at
/// their own licensed TTF/OTF (or an outline <c>.jsonc</c>): through <c>DEEPPLATE_FONTS</c>
/// (<c>id=/path/font.ttf;id2=/path2.otf</c>) and through the overrides given to the constructor (the CLI's
/// <c>--font id=path</c>), the latter winning. A font is loaded on first use and kept; the catalog is thread-safe.
/// A missing Debian font is an error naming the package to install, never a silent substitution.
/// </summary>
public sealed class FontCatalog : IDisposable
{
    /// <summary>The environment variable holding font overrides: <c>id=/path/font.ttf;id2=/path2.otf</c>.</summary>
    public const string EnvironmentVariable = "DEEPPLATE_FONTS";

    /// <summary>The environment variable naming the folder of the outline data files (default: found beside the binaries or up the tree).</summary>
    public const string OutlineDirectoryVariable = "DEEPPLATE_FONT_DATA";

    private static readonly Lazy<FontCatalog> DefaultCatalog = new(() => new FontCatalog());

    /// <summary>The built-in table: every font id the formats data uses.</summary>
    public static IReadOnlyList<FontSource> Builtin { get; } =
    [
        new("fe-schrift", FontOrigin.Outline, "fe-schrift.jsonc", null,
            "FE-Schrift Mittelschrift (German Euro plates), own outlines"),
        new("charles-wright", FontOrigin.Outline, "charles-wright.jsonc", null,
            "Charles Wright 2001 (UK plates), own outlines"),
        new("din-1451", FontOrigin.Debian, "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf", "fonts-opendin",
            "DIN 1451 Mittelschrift (German DIN plates, 1956-2000)"),
        new("nl-kenteken", FontOrigin.Debian, "/usr/share/fonts/truetype/adf/GilliusADF-BoldCond.otf", "fonts-adf-gillius",
            "the Dutch RDW plate typeface (Gill-Sans based)", FitToCap: "J"),
        new("us-flat", FontOrigin.Debian, "/usr/share/fonts/truetype/roadgeek/RG2014C.ttf", "fonts-roadgeek",
            "3M's flat digital plate font (Highway-Gothic-like condensed)"),
        new("us-highway", FontOrigin.Debian, "/usr/share/fonts/truetype/roadgeek/RG2014D.ttf", "fonts-roadgeek",
            "Highway-Gothic-like screened plate digits"),
        new("us-embossed", FontOrigin.Debian, "/usr/share/fonts/truetype/roadgeek/RG2014B.ttf", "fonts-roadgeek",
            "narrow embossed US plate dies"),
        new("us-penitentiary", FontOrigin.Debian, "/usr/share/fonts/truetype/roadgeek/RG2014B.ttf", "fonts-roadgeek",
            "California's embossed plate lettering (the Penitentiary Gothic look)"),
        new("fr-plate", FontOrigin.Debian, "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Bold.otf", "fonts-urw-base35",
            "French plate makers' narrow sans-serif stick letters"),
        new("it-plate", FontOrigin.Debian, "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf", "fonts-opendin",
            "the Italian IPZS plate alphabet (condensed, straight-sided 0)"),
        new("es-plate", FontOrigin.Debian, "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf", "fonts-opendin",
            "the Spanish plate alphabet (RGV Anexo XVIII)"),
        new("se-plate", FontOrigin.Debian, "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf", "fonts-opendin",
            "the Swedish plate alphabet (1973/2014)"),
    ];

    private static readonly Dictionary<string, FontSource> BuiltinById = Builtin.ToDictionary(s => s.Id, StringComparer.Ordinal);

    private readonly Dictionary<string, string> overrides;
    private readonly string? outlineDirectory;
    private readonly ConcurrentDictionary<string, Lazy<PlateFont>> loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// A catalog with the built-in table, the <c>DEEPPLATE_FONTS</c> overrides (when <paramref name="useEnvironment"/>)
    /// and then <paramref name="overrides"/> (id → font file), which win over the environment.
    /// </summary>
    /// <param name="overrides">id → path of a TTF/OTF (or an outline <c>.jsonc</c>); every file must exist.</param>
    /// <param name="outlineDirectory">the folder of the own outline files; default <c>DEEPPLATE_FONT_DATA</c>, else
    /// <c>fonts/</c> beside the binaries, else the nearest <c>fonts/</c> up from the binaries (a source checkout).</param>
    /// <param name="useEnvironment">read <c>DEEPPLATE_FONTS</c>.</param>
    /// <exception cref="ArgumentException">a malformed override.</exception>
    /// <exception cref="FileNotFoundException">an override names a file that does not exist.</exception>
    public FontCatalog(IReadOnlyDictionary<string, string>? overrides = null, string? outlineDirectory = null, bool useEnvironment = true)
    {
        this.overrides = new(StringComparer.Ordinal);
        if (useEnvironment && Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
        {
            foreach (var (id, path) in ParseOverrides(env, EnvironmentVariable)) this.overrides[id] = path;
        }
        if (overrides is not null)
        {
            foreach (var (id, path) in overrides)
            {
                if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("a font override needs an id", nameof(overrides));
                if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"font override '{id}' has no file", nameof(overrides));
                this.overrides[id.Trim()] = path.Trim();
            }
        }
        foreach (var (id, path) in this.overrides)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"font override '{id}': no font file at {Path.GetFullPath(path)}", path);
            }
        }
        this.outlineDirectory = outlineDirectory;
    }

    /// <summary>A catalog from CLI-style specs, each <c>id=/path/font.ttf</c> (several may also be joined by ';').</summary>
    public static FontCatalog FromSpecs(IEnumerable<string> specs, bool useEnvironment = true)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            foreach (var (id, path) in ParseOverrides(spec, "--font")) map[id] = path;
        }
        return new FontCatalog(map, useEnvironment: useEnvironment);
    }

    /// <summary>The catalog with the environment's overrides only, created on first use.</summary>
    public static FontCatalog Default => DefaultCatalog.Value;

    /// <summary>The overrides in force (id → file), environment and constructor merged.</summary>
    public IReadOnlyDictionary<string, string> Overrides => overrides;

    /// <summary>Every id this catalog can be asked for: the built-in ones and any overridden id.</summary>
    public IReadOnlyCollection<string> Ids => [.. Builtin.Select(s => s.Id).Union(overrides.Keys).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Parses <c>id=/path/font.ttf;id2=/path2.otf</c> (';' separated, blanks ignored). <paramref name="origin"/>
    /// names where the text came from, for the error message.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseOverrides(string spec, string origin = EnvironmentVariable)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var part in spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0 || eq == part.Length - 1)
            {
                throw new ArgumentException($"{origin}: \"{part}\" is not id=/path/to/font.ttf");
            }
            list.Add(new(part[..eq].Trim(), part[(eq + 1)..].Trim()));
        }
        return list;
    }

    /// <summary>The font for <paramref name="id"/>; loaded on first use.</summary>
    /// <exception cref="FontUnavailableException">an unknown id, or a Debian font whose package is not installed
    /// (the message names the package).</exception>
    public PlateFont Get(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var lazy = loaded.GetOrAdd(id, key => new Lazy<PlateFont>(() => Load(key), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            loaded.TryRemove(new KeyValuePair<string, Lazy<PlateFont>>(id, lazy));
            throw;
        }
    }

    /// <summary>The font a typeface of the formats data names.</summary>
    public PlateFont For(Typeface typeface) => Get(typeface.Font);

    /// <summary>Whether <paramref name="id"/> is built in or overridden (not whether its files are installed).</summary>
    public bool Knows(string id) => overrides.ContainsKey(id) || BuiltinById.ContainsKey(id);

    private PlateFont Load(string id)
    {
        if (overrides.TryGetValue(id, out var file)) return Open(id, file);
        if (!BuiltinById.TryGetValue(id, out var source))
        {
            throw new FontUnavailableException(
                $"unknown font id '{id}': built in are {string.Join(", ", Builtin.Select(s => s.Id))}; " +
                $"point it at a font file with {EnvironmentVariable}=\"{id}=/path/font.ttf\" or --font {id}=/path/font.ttf");
        }
        return source.Origin switch
        {
            FontOrigin.Outline => LoadOutline(source),
            _ => OpenDebian(source),
        };
    }

    private static PlateFont Open(string id, string file)
    {
        if (file.EndsWith(".jsonc", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var outline = OutlinePlateFont.Load(file);
            if (outline.Id != id)
            {
                // The file's own id is informational; the catalog serves it under the id asked for.
                return new RenamedFont(id, outline);
            }
            return outline;
        }
        return new TrueTypePlateFont(id, file);
    }

    private PlateFont LoadOutline(FontSource source)
    {
        var dir = outlineDirectory ?? DefaultOutlineDirectory()
            ?? throw new FontUnavailableException(
                $"font '{source.Id}': cannot find the outline data {source.File} (looked in {OutlineDirectoryVariable}, " +
                $"{Path.Combine(AppContext.BaseDirectory, "fonts")} and the fonts/ folders above {AppContext.BaseDirectory})");
        var path = Path.Combine(dir, source.File);
        if (!File.Exists(path)) throw new FontUnavailableException($"font '{source.Id}': no outline data at {path}");
        return OutlinePlateFont.Load(path);
    }

    /// <summary><c>DEEPPLATE_FONT_DATA</c>, else <c>fonts/</c> beside the binaries, else the nearest <c>fonts/</c> above them holding the outline files.</summary>
    public static string? DefaultOutlineDirectory()
    {
        if (Environment.GetEnvironmentVariable(OutlineDirectoryVariable) is { Length: > 0 } env) return env;
        const string probe = "fe-schrift.jsonc";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "fonts");
            if (File.Exists(Path.Combine(candidate, probe))) return candidate;
        }
        return null;
    }

    /// <summary>Opens a Debian font of the table (or any <see cref="FontSource"/> naming a package).</summary>
    /// <exception cref="FontUnavailableException">the file is not installed; the message names the package.</exception>
    public static TrueTypePlateFont OpenDebian(FontSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var path = LocateDebianFile(source)
            ?? throw new FontUnavailableException(
                $"font '{source.Id}' needs {Path.GetFileName(source.File)} from the Debian package {source.Package}, which is not installed: " +
                $"run `apt-get install {source.Package}` (or bash scripts/setup), or point the id at a font file with " +
                $"{EnvironmentVariable}=\"{source.Id}=/path/font.ttf\"");
        return new TrueTypePlateFont(source.Id, path, source.FitToCap);
    }

    /// <summary>The installed path of a Debian font: its usual path, else where <c>dpkg -L</c> says the package put it.</summary>
    public static string? LocateDebianFile(FontSource source)
    {
        if (File.Exists(source.File)) return source.File;
        if (source.Package is null) return null;
        var name = Path.GetFileName(source.File);
        foreach (var line in DpkgList(source.Package))
        {
            if (Path.GetFileName(line) == name && File.Exists(line)) return line;
        }
        return null;
    }

    private static IEnumerable<string> DpkgList(string package)
    {
        string output;
        try
        {
            using var p = Process.Start(new ProcessStartInfo("dpkg", ["-L", package])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (p is null) return [];
            var stdout = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(10_000))
            {
                p.Kill();
                return [];
            }
            output = stdout.Result;
            if (p.ExitCode != 0) return [];
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return []; // no dpkg (not Debian)
        }
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public void Dispose()
    {
        foreach (var lazy in loaded.Values)
        {
            if (lazy.IsValueCreated && lazy.Value is IDisposable d) d.Dispose();
        }
        loaded.Clear();
    }

    // An outline file served under another id (a user's --font id=/path/own.jsonc).
    private sealed class RenamedFont(string id, PlateFont inner) : PlateFont(id)
    {
        public override string Source => inner.Source;

        public override bool Has(char c) => inner.Has(c);

        protected override SkiaSharp.SKPath BuildGlyph(char c, out float capTop, out float capBottom)
        {
            capTop = 0;
            capBottom = 1;
            return inner.Glyph(c);
        }
    }
}
