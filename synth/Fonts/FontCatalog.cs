using System.Collections.Concurrent;
using System.Diagnostics;
using DeepPlate.Formats;

namespace DeepPlate.Synth;

/// <summary>Where a font id's outlines come from.</summary>
public enum FontOrigin
{
    /// <summary>The project's own outline data, <c>fonts/&lt;id&gt;.jsonc</c>.</summary>
    Outline,
    /// <summary>A font file installed by a Debian package.</summary>
    Debian,
    /// <summary>A font file at a path (a researcher's own).</summary>
    File,
}

/// <summary>One row of the font table (<c>fonts/catalog.jsonc</c>, documented in <c>fonts/README.md</c>).</summary>
/// <param name="Id">The font id the formats data names (<c>typeface.font</c>).</param>
/// <param name="Origin">Own outlines, a Debian font or a font file of one's own.</param>
/// <param name="File">The outline data's or the font file's absolute path (a Debian font's usual one).</param>
/// <param name="Package">The Debian package that installs <paramref name="File"/> (null for own outlines).</param>
/// <param name="Approximates">What the font stands in for.</param>
/// <param name="FitToCap">Characters of a Debian font squeezed vertically onto the baseline (a text font's descending
/// J, where the plate's J sits on the baseline); see <see cref="TrueTypePlateFont"/>.</param>
public sealed record FontSource(string Id, FontOrigin Origin, string File, string? Package, string Approximates, string? FitToCap = null, bool Maker = false);

/// <summary>A font id that cannot be drawn: unknown, or its Debian package is not installed.</summary>
public sealed class FontUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Maps the font ids of the formats data to <see cref="PlateFont"/>s through the font table (<see cref="FontTable"/>:
/// <c>fonts/catalog.jsonc</c>, plus a researcher's table named by <c>DEEPPLATE_FONT_TABLE</c>): the project's own
/// outlines for FE-Schrift and Charles Wright 2001, Debian's open fonts for the rest. A user can point any id at
/// their own licensed TTF/OTF (or an outline <c>.jsonc</c>): through <c>DEEPPLATE_FONTS</c>
/// (<c>id=/path/font.ttf;id2=/path2.otf</c>) and through the overrides given to the constructor (the CLI's
/// <c>--font id=path</c>), the latter winning. A font is loaded on first use and kept; the catalog is thread-safe.
/// A missing Debian font is an error naming the package to install, never a silent substitution.
/// </summary>
public sealed class FontCatalog : IDisposable
{
    /// <summary>The environment variable holding font overrides: <c>id=/path/font.ttf;id2=/path2.otf</c>.</summary>
    public const string EnvironmentVariable = "DEEPPLATE_FONTS";

    private static readonly Lazy<FontCatalog> DefaultCatalog = new(() => new FontCatalog());

    private static readonly Lazy<IReadOnlyList<FontSource>> ShippedTable = new(FontTable.Shipped);

    /// <summary>The shipped table (<c>fonts/catalog.jsonc</c>), in its order: every font id the formats data uses.</summary>
    public static IReadOnlyList<FontSource> Builtin => ShippedTable.Value;

    private readonly Dictionary<string, string> overrides;
    private readonly IReadOnlyList<FontSource> table;
    private readonly Dictionary<string, FontSource> byId;
    private readonly ConcurrentDictionary<string, Lazy<PlateFont>> loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// A catalog with the shipped table and the researcher's (<c>DEEPPLATE_FONT_TABLE</c>), the <c>DEEPPLATE_FONTS</c>
    /// overrides (both when <paramref name="useEnvironment"/>) and then <paramref name="overrides"/> (id → font file),
    /// which win over the environment.
    /// </summary>
    /// <param name="overrides">id → path of a TTF/OTF (or an outline <c>.jsonc</c>); every file must exist.</param>
    /// <param name="table">the font table instead of the shipped one and the environment's.</param>
    /// <param name="useEnvironment">read <c>DEEPPLATE_FONT_TABLE</c> and <c>DEEPPLATE_FONTS</c>.</param>
    /// <exception cref="ArgumentException">a malformed override.</exception>
    /// <exception cref="FileNotFoundException">an override names a file that does not exist.</exception>
    /// <exception cref="FormatFileException">a malformed table.</exception>
    public FontCatalog(IReadOnlyDictionary<string, string>? overrides = null, IReadOnlyList<FontSource>? table = null, bool useEnvironment = true)
    {
        this.table = table ?? (useEnvironment ? FontTable.Merge(Builtin, FontTable.FromEnvironment()) : Builtin);
        byId = this.table.ToDictionary(s => s.Id, StringComparer.Ordinal);
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

    /// <summary>The font table in force: the shipped one, with a researcher's entries over it.</summary>
    public IReadOnlyList<FontSource> Table => table;

    /// <summary>Every id this catalog can be asked for: the table's and any overridden id.</summary>
    public IReadOnlyCollection<string> Ids => [.. table.Select(s => s.Id).Union(overrides.Keys).Order(StringComparer.Ordinal)];

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

    /// <summary>Whether <paramref name="id"/> is in the table or overridden (not whether its files are installed).</summary>
    public bool Knows(string id) => overrides.ContainsKey(id) || byId.ContainsKey(id);

    private PlateFont Load(string id)
    {
        if (overrides.TryGetValue(id, out var file)) return Open(id, file);
        if (!byId.TryGetValue(id, out var source))
        {
            throw new FontUnavailableException(
                $"unknown font id '{id}': the font table has {string.Join(", ", table.Select(s => s.Id))}; add it with a table file named by " +
                $"{FontTable.ExtraVariable}, or point it at a font file with {EnvironmentVariable}=\"{id}=/path/font.ttf\" or --font {id}=/path/font.ttf");
        }
        return source.Origin switch
        {
            FontOrigin.Debian => OpenDebian(source),
            _ when File.Exists(source.File) => source.Origin == FontOrigin.Outline ? Open(id, source.File) : new TrueTypePlateFont(id, source.File, source.FitToCap),
            _ => throw new FontUnavailableException($"font '{id}': no {(source.Origin == FontOrigin.Outline ? "outline data" : "font file")} at {source.File}"),
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
