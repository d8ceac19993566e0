using System.Numerics;
using DeepPlate.Formats;
using DeepPlate.Inference;

namespace DeepPlate.Training.Evaluation.Real;

/// <summary>One labelled photo of a manifest.</summary>
/// <param name="Line">Its line in the manifest (1-based), for messages.</param>
/// <param name="Image">The picture's full path.</param>
/// <param name="State">US state (lower case) or null.</param>
/// <param name="Corners">The plate's corners, or null for the whole picture.</param>
/// <param name="Text">The plate's characters, upper case, <c>?</c> for a hidden one.</param>
public sealed record RealPhoto(int Line, string Image, string Country, string? State, Vector2[]? Corners, string Text, string Source, string Note)
{
    /// <summary>The picture's name as the manifest gives it (relative to the manifest).</summary>
    public string Name { get; init; } = Path.GetFileName(Image);
}

/// <summary>
/// Reads a manifest of labelled real photos: tab-separated lines <c>image country state corners text source note</c>,
/// lines starting with <c>#</c> and blank lines ignored, image paths relative to the manifest's folder (the format of
/// ../shared/realdev/manifest.tsv). A bad line is named and skipped, never fatal: one typo must not hide the rest.
/// </summary>
public static class RealManifest
{
    /// <summary>The columns in order; <c>note</c> may be left out.</summary>
    public static readonly string[] Columns = ["image", "country", "state", "corners", "text", "source", "note"];

    /// <exception cref="FileNotFoundException">No manifest file.</exception>
    public static (List<RealPhoto> Photos, List<string> Problems) Read(string path, FormatRegistry formats)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"manifest not found: {path}", path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var photos = new List<RealPhoto>();
        var problems = new List<string>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                photos.Add(Parse(line, number, folder, formats));
            }
            catch (FormatException e)
            {
                problems.Add($"{Path.GetFileName(path)} line {number}: {e.Message}");
            }
        }
        return (photos, problems);
    }

    /// <exception cref="FormatException">The line is not a photo's, with the reason.</exception>
    public static RealPhoto Parse(string line, int number, string folder, FormatRegistry formats)
    {
        var f = line.Split('\t');
        if (f.Length is < 6 or > 7) throw new FormatException($"expected {Columns.Length} tab-separated columns ({string.Join(", ", Columns)}), found {f.Length}");
        var image = f[0].Trim();
        if (image.Length == 0) throw new FormatException("no image path");
        var country = f[1].Trim().ToLowerInvariant();
        if (!formats.TryGetCountry(country, out var c)) throw new FormatException($"unknown country '{f[1]}'");
        var state = f[2].Trim().ToLowerInvariant();
        if (state.Length > 0 && !c.States.Any(s => s.Code == state)) throw new FormatException($"{c.Name} has no state '{f[2]}'");
        Vector2[]? corners = null;
        if (f[3].Trim().Length > 0)
        {
            try
            {
                corners = PlateCorners.Parse(f[3]);
            }
            catch (CornerException e)
            {
                throw new FormatException(e.Message);
            }
        }
        var text = f[4].Trim().ToUpperInvariant();
        if (text.Length == 0) throw new FormatException("no plate text");
        if (text.FirstOrDefault(ch => !char.IsLetterOrDigit(ch) && ch != '?') is var bad and not '\0')
        {
            throw new FormatException($"plate text '{f[4]}' has '{bad}': give the characters alone (no separators), '?' for a hidden one");
        }
        if (text.All(ch => ch == '?')) throw new FormatException($"plate text '{f[4]}' has no visible character");
        return new RealPhoto(number, Path.Combine(folder, image), c.Code, state.Length > 0 ? state : null, corners, text,
            f[5].Trim(), f.Length > 6 ? f[6].Trim() : "") { Name = image };
    }
}
