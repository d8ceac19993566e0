using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeepPlate.Training.Evaluation.Real;

/// <summary>
/// What <c>deepplate eval --real</c> writes: real.json (every group's figures and every photo's reading, for scripts
/// comparing models), real.md (the tables), the console table, and the "Real photographs" section of the accuracy
/// page. Nothing in them depends on the machine, the time or the thread count, so two runs compare byte for byte.
/// </summary>
public static class RealReport
{
    public const string PageBegin = "<!-- real photographs: written by `deepplate eval --real --page`, do not edit by hand -->";
    public const string PageEnd = "<!-- end of real photographs -->";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record ModelJson(string Country, string Id, string Sha256, string Training);

    public sealed record PhotoJson(string Image, string Source, string Country, string? State, string Truth, string Condition,
        string? Error, string Read, double Confidence, double CharAccuracy, bool Exact, bool Top60, bool Valid);

    public sealed record Document(string Manifest, IReadOnlyList<string> Conditions, IReadOnlyList<ModelJson> Models,
        IReadOnlyList<string> Problems, IReadOnlyList<RealSummary> Groups, IReadOnlyList<PhotoJson> Photos);

    public static Document Build(string manifest, IReadOnlyList<RealCondition> conditions, IReadOnlyList<ModelJson> models,
        IReadOnlyList<string> problems, IReadOnlyList<RealRead> reads) => new(
        manifest, [.. conditions.Select(c => c.Name)], models, problems, RealSummary.Of(reads),
        [.. reads.Select(r => new PhotoJson(r.Photo.Name, r.Photo.Source, r.Photo.Country, r.Photo.State, r.Photo.Text, r.Condition.Name,
            r.Error, r.Top, Math.Round(r.TopConfidence, 6), Math.Round(r.CharAccuracy, 6), r.Exact, r.InTop60, r.InValid))]);

    public static void WriteJson(Document d, string path) => File.WriteAllText(path, JsonSerializer.Serialize(d, Options));

    /// <exception cref="InvalidDataException">Not a real.json.</exception>
    public static Document ReadJson(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a real.json: {e.Message}", e);
        }
    }

    /// <summary>real.md: what was read and by which models, then one table per condition.</summary>
    public static string Markdown(Document d, string title = "# Real photographs")
    {
        var md = new StringBuilder();
        md.Append(title).Append("\n\n");
        Tables(md, d, "##");
        return md.ToString();
    }

    /// <summary>The tables alone, with headings of the given level (the accuracy page nests them).</summary>
    public static void Tables(StringBuilder md, Document d, string heading)
    {
        var photos = d.Photos.Where(p => p.Condition == d.Conditions[0]).ToList();
        md.Append($"Manifest `{d.Manifest}`: {photos.Count} photos (").Append(string.Join(", ",
            photos.GroupBy(p => (p.Source, p.Country)).Select(g => $"{g.Key.Source} {g.Key.Country} {g.Count()}"))).Append("). ")
            .Append("The models never saw these photos: they are trained on synthetic plates only.\n\n");
        md.Append("Models: ").Append(string.Join(", ", d.Models.Select(m => $"{m.Country} `{m.Id}`"))).Append(".\n\n");
        if (d.Problems.Count > 0)
        {
            md.Append("Not read: ").Append(d.Problems.Count).Append(" line(s) or photo(s):\n\n");
            foreach (var p in d.Problems) md.Append("- ").Append(p).Append('\n');
            md.Append('\n');
        }
        md.Append("Per-character accuracy is 1 − edit distance / characters (floored at 0; `?` in the label matches any character or none; " +
                  "O = 0 and I = 1); exact: the top plate is the label; among the 60: the label is one of the 60 candidates; valid: among the " +
                  "valid plates the reader lists; confidence columns are the mean confidence of the top plate and of its characters, honest " +
                  "when they equal the exact and character columns; ECE: the per-position calibration error over the photos whose top plate " +
                  "is as long as the label (n of them).\n");
        foreach (var condition in d.Conditions)
        {
            md.Append('\n').Append(heading).Append(' ').Append(char.ToUpperInvariant(condition[0])).Append(condition[1..]).Append("\n\n")
                .Append("| source | country | photos | characters | exact | among the 60 | valid | confidence (plate) | confidence (characters) | ECE (n) |\n")
                .Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            foreach (var g in d.Groups.Where(g => g.Condition == condition))
            {
                var bold = g.Source == "all" ? "**" : "";
                md.Append($"| {bold}{g.Source}{bold} | {g.Country} | {g.Photos - g.Errors}{(g.Errors > 0 ? $" (+{g.Errors} unread)" : "")} | " +
                          $"{bold}{P(g.CharAccuracy)}{bold} | {bold}{P(g.Exact)}{bold} | {P(g.Top60)} | {P(g.Valid)} | {P(g.MeanTopConfidence)} | " +
                          $"{P(g.MeanCharConfidence)} | {(g.PositionEce is { } e ? e.ToString("F3", CultureInfo.InvariantCulture) : "–")} ({g.Paired}) |\n");
            }
        }
    }

    /// <summary>The console table: a line per group.</summary>
    public static string Console(Document d)
    {
        var text = new StringBuilder();
        text.Append($"{"condition",-16} {"source",-14} {"cc",-3} {"photos",6} {"chars",7} {"exact",7} {"top60",7} {"valid",7} {"conf",7}\n");
        foreach (var g in d.Groups)
        {
            text.Append($"{g.Condition,-16} {g.Source,-14} {g.Country,-3} {g.Photos - g.Errors,6} {P(g.CharAccuracy),6}% {P(g.Exact),6}% " +
                        $"{P(g.Top60),6}% {P(g.Valid),6}% {P(g.MeanTopConfidence),6}%\n");
        }
        return text.ToString();
    }

    /// <summary>Writes the "Real photographs" section into the page between its markers (before the synthetic
    /// measured part when the markers are new); the rest of the page is kept.</summary>
    public static void WritePage(Document d, string page, string command)
    {
        var md = new StringBuilder();
        md.Append(PageBegin).Append("\n\n## Real photographs\n\nMeasured with\n\n    ").Append(command).Append("\n\n");
        Tables(md, d, "###");
        md.Append('\n').Append(PageEnd);
        var text = File.Exists(page) ? File.ReadAllText(page) : "";
        var begin = text.IndexOf(PageBegin, StringComparison.Ordinal);
        var end = text.IndexOf(PageEnd, StringComparison.Ordinal);
        if (begin >= 0 && end > begin)
        {
            text = text[..begin] + md + text[(end + PageEnd.Length)..];
        }
        else if (text.IndexOf(AccuracyPage.Begin, StringComparison.Ordinal) is var synthetic and >= 0)
        {
            text = text[..synthetic] + md + "\n\n" + text[synthetic..];
        }
        else
        {
            text += (text.Length > 0 ? "\n" : "") + md + "\n";
        }
        File.WriteAllText(page, text);
    }

    private static string P(double rate) => (100 * rate).ToString("F1", CultureInfo.InvariantCulture);
}
