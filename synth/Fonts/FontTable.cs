using System.Text.Json;
using DeepPlate.Formats;

namespace DeepPlate.Synth;

/// <summary>
/// The font table as data: <c>fonts/catalog.jsonc</c> (shipped) and, for a researcher's typefaces, the file or folder
/// <c>DEEPPLATE_FONT_TABLE</c> names, whose ids are added to the shipped ones (or replace them). Format: fonts/README.md.
/// </summary>
public static class FontTable
{
    /// <summary>The table file's name, in <c>fonts/</c> and in a folder <see cref="ExtraVariable"/> names.</summary>
    public const string FileName = "catalog.jsonc";

    /// <summary>The environment variable naming a researcher's table: a file, or a folder holding <see cref="FileName"/>.</summary>
    public const string ExtraVariable = "DEEPPLATE_FONT_TABLE";

    /// <summary>The environment variable naming the folder of the shipped table and its outline files.</summary>
    public const string DirectoryVariable = "DEEPPLATE_FONT_DATA";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary><c>DEEPPLATE_FONT_DATA</c>, else <c>fonts/</c> beside the binaries, else the nearest <c>fonts/</c> above them holding the table.</summary>
    public static string? DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } env) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "fonts");
            if (File.Exists(Path.Combine(candidate, FileName))) return candidate;
        }
        return null;
    }

    /// <summary>The shipped table (<see cref="DefaultDirectory"/>).</summary>
    /// <exception cref="FontUnavailableException">no table found.</exception>
    public static IReadOnlyList<FontSource> Shipped()
    {
        var dir = DefaultDirectory() ?? throw new FontUnavailableException(
            $"cannot find the font table {FileName} (looked in {DirectoryVariable}, {Path.Combine(AppContext.BaseDirectory, "fonts")} " +
            $"and the fonts/ folders above {AppContext.BaseDirectory})");
        return Load(Path.Combine(dir, FileName));
    }

    /// <summary>The researcher's table <c>DEEPPLATE_FONT_TABLE</c> names, or none.</summary>
    public static IReadOnlyList<FontSource> FromEnvironment() =>
        Environment.GetEnvironmentVariable(ExtraVariable) is { Length: > 0 } path
            ? Load(Directory.Exists(path) ? Path.Combine(path, FileName) : path)
            : [];

    /// <summary><paramref name="extra"/>'s entries over <paramref name="table"/>'s: one of the same id takes its place, a new id comes last.</summary>
    public static IReadOnlyList<FontSource> Merge(IReadOnlyList<FontSource> table, IReadOnlyList<FontSource> extra)
    {
        var byId = extra.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return [.. table.Select(s => byId.GetValueOrDefault(s.Id) ?? s), .. extra.Where(s => table.All(t => t.Id != s.Id))];
    }

    /// <summary>Reads a table file; relative paths in it are relative to its folder.</summary>
    /// <exception cref="FormatFileException">the file is missing or malformed (the message says where).</exception>
    public static IReadOnlyList<FontSource> Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FormatFileException(full, "", "no font table here");
        var folder = Path.GetDirectoryName(full)!;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(full), Options);
        }
        catch (JsonException e)
        {
            throw new FormatFileException(full, "", $"not valid JSON at line {e.LineNumber + 1}: {e.Message}");
        }
        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("fonts", out var fonts) || fonts.ValueKind != JsonValueKind.Array)
            {
                throw new FormatFileException(full, "fonts", "is required: a list of fonts");
            }
            var list = new List<FontSource>();
            var i = 0;
            foreach (var entry in fonts.EnumerateArray()) list.Add(Entry(entry, full, $"fonts[{i++}]", folder));
            if (list.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new FormatFileException(full, "fonts", $"the id '{twice.Key}' is listed twice");
            }
            return list;
        }
    }

    /// <summary>The faces of state names and slogans a table lists (<c>"lettering"</c>; none when it has no such list).</summary>
    /// <exception cref="FormatFileException">the file is missing or the list malformed (the message says where).</exception>
    public static IReadOnlyList<LetteringFace> Lettering(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FormatFileException(full, "", "no font table here");
        using var doc = JsonDocument.Parse(File.ReadAllText(full), Options);
        if (!doc.RootElement.TryGetProperty("lettering", out var faces)) return [];
        if (faces.ValueKind != JsonValueKind.Array) throw new FormatFileException(full, "lettering", "should be a list of faces");
        var list = new List<LetteringFace>();
        var i = 0;
        foreach (var e in faces.EnumerateArray())
        {
            var at = $"lettering[{i++}]";
            if (e.ValueKind != JsonValueKind.Object) throw new FormatFileException(full, at, "should be an object");
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name is not ("file" or "package" or "italic" or "approximates"))
                    throw new FormatFileException(full, $"{at}.{p.Name}", "unknown key (file, package, italic, approximates)");
            }
            string? Text(string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } t ? t : null;
            var italic = e.TryGetProperty("italic", out var it) && (it.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? it.GetBoolean() : throw new FormatFileException(full, $"{at}.italic", "should be true or false"));
            list.Add(new LetteringFace(
                Path.GetFullPath(Text("file") ?? throw new FormatFileException(full, $"{at}.file", "is required"), Path.GetDirectoryName(full)!),
                Text("package"), italic,
                Text("approximates") ?? throw new FormatFileException(full, $"{at}.approximates", "is required: say what the face stands in for")));
        }
        return list;
    }

    private static FontSource Entry(JsonElement e, string file, string at, string folder)
    {
        string? Text(string key)
        {
            if (e.ValueKind != JsonValueKind.Object) throw new FormatFileException(file, at, "should be an object");
            if (!e.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            return v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : throw new FormatFileException(file, $"{at}.{key}", "should be a non-empty string");
        }
        foreach (var p in e.EnumerateObject())
        {
            if (p.Name is not ("id" or "outline" or "file" or "package" or "approximates" or "fitToCap" or "maker"))
            {
                throw new FormatFileException(file, $"{at}.{p.Name}", "unknown key (id, outline, file, package, approximates, fitToCap, maker)");
            }
        }
        var id = Text("id") ?? throw new FormatFileException(file, $"{at}.id", "is required");
        var (outline, fontFile, package) = (Text("outline"), Text("file"), Text("package"));
        if ((outline is null) == (fontFile is null)) throw new FormatFileException(file, at, $"font '{id}' needs one of \"outline\" and \"file\"");
        if (package is not null && fontFile is null) throw new FormatFileException(file, $"{at}.package", "belongs to a \"file\"");
        var origin = outline is not null ? FontOrigin.Outline : package is not null ? FontOrigin.Debian : FontOrigin.File;
        return new FontSource(id, origin, Path.GetFullPath(outline ?? fontFile!, folder), package,
            Text("approximates") ?? throw new FormatFileException(file, $"{at}.approximates", "is required: say what the font stands in for"),
            Text("fitToCap"), Maker(e, file, at));
    }

    private static bool Maker(JsonElement e, string file, string at) =>
        !e.TryGetProperty("maker", out var v) ? false
        : v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean()
        : throw new FormatFileException(file, $"{at}.maker", "should be true or false");
}
