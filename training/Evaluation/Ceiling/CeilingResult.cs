using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeepPlate.Training.Evaluation.Ceiling;

/// <summary>The ideal observer's character accuracy in one grid cell.</summary>
public sealed record CeilingCell(double WidthPx, double? SnrDb, int? JpegQuality, int Characters, int Right)
{
    public double Accuracy => Characters == 0 ? 0 : (double)Right / Characters;
}

/// <summary>
/// ceiling.json and ceiling.md of a country: the ideal observer's character accuracy in every cell of the grid,
/// from the same plates the grid evaluation reads (its seed, plate i of every cell).
/// </summary>
public sealed record CeilingResult(string Country, int SamplesPerCell, string Seed, IReadOnlyList<CeilingCell> Cells)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void WriteJson(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options));

    /// <exception cref="InvalidDataException">Not a ceiling.json.</exception>
    public static CeilingResult ReadJson(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<CeilingResult>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a ceiling.json: {e.Message}", e);
        }
    }

    /// <summary>The cell of these axes, or null.</summary>
    public CeilingCell? At(double widthPx, double? snrDb, int? jpegQuality) =>
        Cells.FirstOrDefault(c => c.WidthPx == widthPx && c.SnrDb == snrDb && c.JpegQuality == jpegQuality);

    /// <summary>A table like eval.md's: a row per SNR × JPEG, a column per width, the ceiling in %.</summary>
    public string Markdown()
    {
        var md = new StringBuilder();
        md.Append($"# Ideal observer's character accuracy: {Country}\n\n")
          .Append($"{SamplesPerCell} plates a cell (the grid's seed {Seed}, the same plates `deepplate eval` reads). The observer knows the ")
          .Append("typeface, layout, look, camera and every character's place, and picks for each position the character whose noise-free ")
          .Append("rendering (blurred, scaled and JPEG-compressed as the cell says) is nearest to the degraded plate (training/Evaluation/Ceiling/IdealObserver.cs). No reader of the picture alone can do better.\n\n");
        Table(md, c => Percent(c.Accuracy));
        return md.ToString();
    }

    /// <summary>Appends the grid table with one formatted value per cell.</summary>
    public void Table(StringBuilder md, Func<CeilingCell, string> value)
    {
        var widths = Cells.Select(c => c.WidthPx).Distinct().ToList();
        md.Append("| SNR | JPEG |").Append(string.Concat(widths.Select(w => $" {w.ToString(CultureInfo.InvariantCulture)} px |"))).Append('\n')
          .Append("|---|---|").Append(string.Concat(widths.Select(_ => "---:|"))).Append('\n');
        foreach (var row in Cells.GroupBy(c => (c.SnrDb, c.JpegQuality)))
        {
            md.Append($"| {(row.Key.SnrDb is { } s ? $"{s.ToString(CultureInfo.InvariantCulture)} dB" : "none")} | {(row.Key.JpegQuality is { } q ? q.ToString(CultureInfo.InvariantCulture) : "none")} |");
            foreach (var c in row) md.Append(' ').Append(value(c)).Append(" |");
            md.Append('\n');
        }
    }

    private static string Percent(double rate) => (100 * rate).ToString("F1", CultureInfo.InvariantCulture);
}
