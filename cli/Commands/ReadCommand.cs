using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Inference.Report;

namespace DeepPlate.Cli.Commands;

/// <summary>
/// <c>deepplate read IMAGE [--corners "x1,y1 x2,y2 x3,y3 x4,y4"] [IMAGE --corners ...]... --country XX
/// [--state YY] [--format NAME] [--json]</c>: reads one plate from one picture or from several frames (each
/// followed by its own corners; without corners the whole picture is the plate) and prints the characters by
/// position and the most likely plates, raw and valid. <c>deepplate read --batch FILE.tsv</c> reads one plate per
/// line (<c>image TAB country TAB state TAB corners</c>) and prints one JSON object per line, in input order.
/// </summary>
public static class ReadCommand
{
    /// <summary>Batch lines read in parallel at a time before their results are written.</summary>
    private const int BatchChunk = 32;

    /// <summary>Characters shown per position in the text table (the JSON lists them all).</summary>
    private const int ShownPerPosition = 5;

    public static Command Create()
    {
        var images = new Argument<string[]>("IMAGE") { Description = "The picture, or several frames of the same plate, each followed by its --corners.", Arity = ArgumentArity.ZeroOrMore };
        var codes = CountryCodes.ListDefault();
        var country = new Option<string>("--country") { Description = $"Country code ({codes})." };
        var state = new Option<string>("--state") { Description = "US state (postal code); leave out or 'unknown' when not known." };
        var format = new Option<string>("--format") { Description = "Plate format (template id, for the US within --state); 'unknown' applies no rule." };
        var corners = new Option<string[]>("--corners") { Description = "The plate's corners in the preceding IMAGE, in pixels, clockwise from the top-left: \"x1,y1 x2,y2 x3,y3 x4,y4\". Without it the whole picture is the plate." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the tables." };
        var batch = new Option<string>("--batch") { Description = "Read every line of a TSV file (image, country, state, corners; state and corners may be empty) and print one JSON object per line." };
        var models = new Option<string>("--models") { Description = "Folder of models (default: DEEPPLATE_MODELS or the shipped models beside the binaries)." };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime threads per model and parallel batch lines; 0 = all cores. The output does not depend on it." };
        var pdf = new Option<string>("--pdf") { Description = "Also write the PDF report to this file: warnings and provenance on page 1, the results from page 2." };
        var caseReference = new Option<string>("--case") { Description = "Case reference printed on the PDF report." };
        var examiner = new Option<string>("--examiner") { Description = "Examiner's name printed on the PDF report." };
        var examinerReading = new Option<string>("--examiner-reading") { Description = "The examiner's own reading, recorded before seeing the results, printed on page 1 of the PDF report." };
        var command = new Command("read", "Reads a degraded plate: per-position characters with confidences and the 60 most likely plates.")
        {
            images, country, state, format, corners, json, batch, models, threads, pdf, caseReference, examiner, examinerReading,
        };
        command.SetAction(r =>
        {
            var output = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            var threadCount = r.GetValue(threads);
            if (threadCount < 0)
            {
                error.WriteLine("error: --threads must be 0 (all cores) or more");
                return 2;
            }
            var folder = r.GetValue(models) ?? ModelCatalog.DefaultDirectory;
            try
            {
                if (r.GetValue(batch) is { } tsv)
                {
                    if (r.GetValue(images) is { Length: > 0 } || r.GetValue(country) is not null || r.GetValue(corners) is { Length: > 0 })
                    {
                        throw new ArgumentException("--batch takes everything from its file: give no IMAGE, --country or --corners with it");
                    }
                    if (r.GetValue(pdf) is not null) throw new ArgumentException("--pdf makes the report of one reading: not with --batch");
                    using var batchModels = LoadModels(folder, threadCount);
                    return Batch(new PlateReader(batchModels, FormatRegistry.Default), tsv, threadCount, output);
                }
                var frames = Frames(r, corners);
                if (frames.Count == 0) throw new ArgumentException("give an IMAGE to read (or --batch FILE.tsv)");
                var countryCode = r.GetValue(country) ?? throw new ArgumentException($"--country is required ({codes})");
                using var catalog = LoadModels(folder, threadCount);
                var reader = new PlateReader(catalog, FormatRegistry.Default);
                var request = new ReadRequest([.. frames.Select(f => new PlateFrame(PlateImage.Load(f.Image), f.Corners is null ? null : PlateCorners.Parse(f.Corners)))],
                    countryCode, r.GetValue(state), r.GetValue(format));
                var reading = reader.Read(request);
                foreach (var n in catalog.Notes.Where(n => n.Country == reading.Model.Country)) error.WriteLine($"note: {n.Note}");
                var names = frames.Select(f => f.Image).ToList();
                // The report first: when it cannot be written, the command fails without printing half its answer.
                if (r.GetValue(pdf) is { } pdfPath)
                {
                    // The file names as the examiner knows them: without the folders of this machine.
                    var details = new ReportDetails([.. names.Select(Path.GetFileName).Select(n => n ?? "")], DateTimeOffset.UtcNow,
                        r.GetValue(caseReference), r.GetValue(examiner), r.GetValue(examinerReading));
                    WritePdf(pdfPath, reading, request.Frames, details);
                    error.WriteLine($"wrote the PDF report to {Path.GetFullPath(pdfPath)}");
                }
                output.WriteLine(r.GetValue(json) ? ReadingJson.ToJson(reading, names) : Tables(reading, names, FormatRegistry.Default));
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or ModelUnavailableException or IOException)
            {
                error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>Writes the report beside its destination and moves it into place, so a reader of the file never
    /// sees half a report and a failure leaves no broken file behind.</summary>
    private static void WritePdf(string path, Reading reading, IReadOnlyList<PlateFrame> frames, ReportDetails details)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = File.Create(temp)) PlateReport.Write(file, reading, frames, details);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp)) File.Delete(temp);
            throw new IOException($"{path}: cannot write the PDF report ({e.Message})", e);
        }
    }

    private static ModelCatalog LoadModels(string folder, int threads) => ModelCatalog.Load(folder, FormatRegistry.Default, threads);

    /// <summary>
    /// The frames in command-line order: each IMAGE with the <c>--corners</c> that follows it (before the next
    /// IMAGE), or none. The parser keeps the tokens in order; option values are the token after their option.
    /// </summary>
    private static List<(string Image, string? Corners)> Frames(ParseResult r, Option<string[]> corners)
    {
        var frames = new List<(string Image, string? Corners)>();
        var tokens = r.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Type == TokenType.Option)
            {
                var isCorners = corners.Name == t.Value || corners.Aliases.Contains(t.Value);
                var hasValue = t.Value != "--json"
                    || (i + 1 < tokens.Count && tokens[i + 1].Type == TokenType.Argument && bool.TryParse(tokens[i + 1].Value, out _));
                if (!hasValue) continue;
                i++;
                if (!isCorners || i >= tokens.Count) continue;
                if (frames.Count == 0) throw new ArgumentException("--corners comes after the IMAGE it belongs to");
                if (frames[^1].Corners is not null) throw new ArgumentException($"{frames[^1].Image} has two --corners; each frame has one");
                frames[^1] = (frames[^1].Image, tokens[i].Value);
            }
            else if (t.Type == TokenType.Argument)
            {
                frames.Add((t.Value, null));
            }
        }
        return frames;
    }

    /// <summary>
    /// Reads every line of <paramref name="tsv"/> (relative image paths are relative to the file's folder; empty
    /// lines, lines starting with '#' and a header line whose first field is "image" are skipped) and writes one JSON object
    /// per line, in input order, with an <c>error</c> field for a line that failed. Returns 0 when every line was
    /// read, 1 when some failed.
    /// </summary>
    public static int Batch(PlateReader reader, string tsv, int threads, TextWriter output)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(tsv);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{tsv}: cannot read the batch file ({e.Message})", e);
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(tsv))!;
        var work = new List<(int Line, string Text)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#') || (i == 0 && line.Split('\t')[0].Trim().Equals("image", StringComparison.OrdinalIgnoreCase))) continue;
            work.Add((i + 1, line));
        }

        var failed = 0;
        var results = new (string Json, bool Failed)[BatchChunk];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        for (var start = 0; start < work.Count; start += BatchChunk)
        {
            var count = Math.Min(BatchChunk, work.Count - start);
            Parallel.For(0, count, parallel, i => results[i] = BatchLine(reader, folder, work[start + i].Line, work[start + i].Text));
            for (var i = 0; i < count; i++)
            {
                if (results[i].Failed) failed++;
                output.WriteLine(results[i].Json);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static (string Json, bool Failed) BatchLine(PlateReader reader, string folder, int line, string text)
    {
        var fields = text.Split('\t');
        var image = fields[0].Trim();
        void Line(Utf8JsonWriter w)
        {
            w.WriteNumber("line", line);
            w.WriteString("image", image);
        }
        try
        {
            if (fields.Length < 2 || image.Length == 0 || fields[1].Trim().Length == 0)
            {
                throw new ArgumentException("a line is image<TAB>country<TAB>state<TAB>corners (state and corners may be empty)");
            }
            if (fields.Length > 4) throw new ArgumentException($"{fields.Length} fields; a line has at most 4 (image, country, state, corners)");
            var state = fields.Length > 2 ? fields[2].Trim() : "";
            var corners = fields.Length > 3 && fields[3].Trim().Length > 0 ? PlateCorners.Parse(fields[3]) : null;
            // Unknown country, state or format first: cheaper than decoding the picture.
            var model = reader.Models.For(fields[1]);
            reader.Scope(model, fields[1], state, null);
            var picture = PlateImage.Load(Path.Combine(folder, image));
            var reading = reader.Read(new ReadRequest([new PlateFrame(picture, corners)], fields[1].Trim(), state));
            return (ReadingJson.ToJson(reading, null, Line), false);
        }
        catch (Exception e) when (e is ArgumentException or ModelUnavailableException or IOException)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, ReadingJson.Options))
            {
                w.WriteStartObject();
                Line(w);
                w.WriteString("error", e.Message);
                w.WriteEndObject();
            }
            return (Encoding.UTF8.GetString(stream.ToArray()), true);
        }
    }

    /// <summary>The reading as investigators read it: characters by position, then the plates.</summary>
    public static string Tables(Reading reading, IReadOnlyList<string> images, FormatRegistry formats)
    {
        var inv = CultureInfo.InvariantCulture;
        var country = formats.Country(reading.Country);
        var sb = new StringBuilder();
        var scope = reading.State is null ? country.Name : $"{country.Name}, {country.State(reading.State).Name}";
        sb.AppendLine(inv, $"DeepPlate reading of a {scope} plate; format: {reading.Format ?? "unknown (no rule)"}");
        sb.AppendLine(inv, $"model {reading.ModelId} (SHA-256 {reading.ModelSha256}); input SHA-256 {reading.InputSha256}");
        for (var i = 0; i < reading.Frames.Count; i++)
        {
            var f = reading.Frames[i];
            sb.AppendLine(inv, $"frame {i + 1}: {images[i]} ({f.Format} {f.Width} x {f.Height}), corners {(f.WholeImage ? "the whole picture" : PlateCorners.Format(f.Corners))}");
        }

        sb.AppendLine();
        sb.AppendLine("Characters by position (confidence; _ = no character)");
        sb.Append("rank");
        for (var s = 0; s < reading.Positions.Count; s++) sb.Append(inv, $"  {s + 1,-8}");
        sb.AppendLine();
        for (var rank = 0; rank < ShownPerPosition; rank++)
        {
            sb.Append(inv, $"{rank + 1,4}");
            foreach (var position in reading.Positions)
            {
                if (rank < position.Count)
                {
                    var c = position[rank];
                    sb.Append(inv, $"  {(c.Char.Length == 0 ? "_" : c.Char)} {c.Confidence,6:0.000}");
                }
                else sb.Append("          ");
            }
            sb.AppendLine();
        }

        sb.AppendLine();
        sb.AppendLine(reading.Format is null
            ? "Most likely plates (product of the characters' confidences)"
            : $"Most likely plates given format {reading.Format} (product of the characters' confidences)");
        for (var i = 0; i < reading.Candidates.Count; i++)
        {
            sb.AppendLine(inv, $"{i + 1,4}  {reading.Candidates[i].Plate,-12}{reading.Candidates[i].Confidence.ToString("G4", inv)}");
        }

        sb.AppendLine();
        sb.AppendLine(inv, $"Most likely valid plates of {scope}{(reading.Valid.Complete ? "" : $" (search stopped after {ValidRanking.MaxExamined} candidates)")}");
        for (var i = 0; i < reading.Valid.Plates.Count; i++)
        {
            var v = reading.Valid.Plates[i];
            var note = v.Notes.Count == 0 ? "" : string.Create(inv, $"  (note: {string.Join("; ", v.Notes)}; ranked at x{v.Prior.ToString("G3", inv)})");
            sb.AppendLine(inv, $"{i + 1,4}  {v.Plate,-14}{v.Confidence.ToString("G4", inv),-12}{v.Template} ({v.TemplateName}){note}");
        }
        if (reading.Valid.States.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Likely states given the reading");
            foreach (var s in reading.Valid.States) sb.AppendLine(inv, $"  {s.State}  {s.Share,6:P1}  {s.Name}");
        }
        if (reading.Valid.Formats.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Likely formats given the reading");
            foreach (var f in reading.Valid.Formats) sb.AppendLine(inv, $"  {f.Template,-22}{f.Share,6:P1}  {f.Name}");
        }
        return sb.ToString().TrimEnd();
    }
}
