using System.Globalization;
using DeepPlate.Formats;
using DeepPlate.Inference;
using DeepPlate.Training.Evaluation.Real;
using Spectre.Console;

namespace DeepPlate.Training.Commands;

/// <summary>
/// <c>deepplate eval --real MANIFEST.tsv [--models DIR | --model FILE] [--degrade 30:30,20:15] [--out DIR] [--page FILE]</c>:
/// reads every labelled photo of a manifest as <c>deepplate read</c> would, clean and degraded, and writes real.json,
/// real.md and a failure gallery per source (with a synthetic sheet per country beside it).
/// </summary>
public static class RealEvalCommand
{
    /// <param name="Models">A folder of models; null = the shipped ones. Ignored when <see cref="Model"/> is given.</param>
    /// <param name="Model">One model file: only the photos of its country are read.</param>
    /// <param name="Degrade">The degraded conditions, <c>W:Q,...</c>.</param>
    /// <param name="Page">The accuracy page to write the "Real photographs" section into, or null.</param>
    /// <param name="CornerSets">Corner sets each photo is read with (the reader's <see cref="CornerJitter"/>); 1 = as given.</param>
    public sealed record Settings(string Manifest, string? Models, string? Model, string Degrade, string Out, int Threads, string? Page, bool Galleries = true, int CornerSets = 1);

    public sealed record Outcome(RealReport.Document Document, IReadOnlyList<string> Files);

    public const string DefaultDegrade = "30:30,20:15";

    public static Outcome Run(Settings s, TextWriter log)
    {
        if (s.Threads < 1) throw new ArgumentException("--threads must be at least 1");
        var conditions = new List<RealCondition> { RealCondition.Clean };
        conditions.AddRange(RealCondition.ParseList(s.Degrade));
        var formats = FormatRegistry.Default;
        var (photos, problems) = RealManifest.Read(s.Manifest, formats);
        if (s.Model is not null && !File.Exists(s.Model)) throw new FileNotFoundException($"model file not found: {s.Model}", s.Model);
        using var catalog = s.Model is not null
            ? ModelCatalog.LoadFile(s.Model, formats, 1)
            : ModelCatalog.Load(s.Models ?? ModelCatalog.DefaultDirectory, formats, 1);
        foreach (var r in catalog.Refused) log.WriteLine($"warning: {r.Reason}");
        foreach (var n in catalog.Notes) log.WriteLine($"note: {n.Note}");
        var served = catalog.Models.Select(m => m.Info.Country).ToHashSet();
        var without = photos.Where(p => !served.Contains(p.Country)).GroupBy(p => p.Country).ToList();
        foreach (var g in without) log.WriteLine($"skipped {g.Count()} photos of {g.Key}: no model for it");
        photos = [.. photos.Where(p => served.Contains(p.Country))];
        if (photos.Count == 0) throw new ArgumentException($"{s.Manifest}: no photo of a country the models read ({string.Join(" ", served)})");
        foreach (var p in problems) log.WriteLine($"skipped: {p}");

        if (s.CornerSets is < 1 or > CornerJitter.MaxSets) throw new ArgumentException($"--corner-sets must be 1 to {CornerJitter.MaxSets}");
        var reader = new PlateReader(catalog, formats, s.CornerSets);
        log.WriteLine($"reading {photos.Count} photos x {conditions.Count} conditions ({string.Join("; ", conditions.Select(c => c.Name))})");
        var reads = WithProgress(photos.Count, log, done => RealEvaluation.Run(reader, photos, conditions, s.Threads, done));
        foreach (var r in reads.Where(r => r.Error is not null && r.Condition == RealCondition.Clean)) problems.Add($"{r.Photo.Name}: {r.Error}");

        var models = catalog.Models.Where(m => photos.Any(p => p.Country == m.Info.Country))
            .Select(m => new RealReport.ModelJson(m.Info.Country, m.Id, m.Sha256, m.Info.Training)).ToList();
        var document = RealReport.Build(Path.GetFileName(s.Manifest), conditions, models, problems, reads);
        Directory.CreateDirectory(s.Out);
        var files = new List<string> { Path.Combine(s.Out, "real.json"), Path.Combine(s.Out, "real.md") };
        RealReport.WriteJson(document, files[0]);
        File.WriteAllText(files[1], RealReport.Markdown(document));
        if (s.Galleries)
        {
            foreach (var source in reads.Where(r => r.Condition == RealCondition.Clean).GroupBy(r => r.Photo.Source))
            {
                var path = Path.Combine(s.Out, $"gallery-{Safe(source.Key)}.png");
                RealGallery.WriteReal(reader, [.. source], path);
                files.Add(path);
            }
            foreach (var country in photos.Select(p => p.Country).Distinct())
            {
                var path = Path.Combine(s.Out, $"synthetic-{country}.png");
                RealGallery.WriteSynthetic(reader, country, path);
                files.Add(path);
            }
        }
        if (s.Page is not null)
        {
            var command = $"dotnet run -c Release --project cli -- eval --real {s.Manifest}" +
                          (s.Model is not null ? $" --model {s.Model}" : s.Models is not null ? $" --models {s.Models}" : "") +
                          (s.Degrade != DefaultDegrade ? $" --degrade {s.Degrade}" : "") + $" --page {s.Page}";
            RealReport.WritePage(document, s.Page, command);
            files.Add(s.Page);
        }
        log.Write(RealReport.Console(document));
        log.WriteLine($"wrote {string.Join(", ", files)}");
        return new Outcome(document, files);
    }

    private static T WithProgress<T>(int total, TextWriter log, Func<Action<int>, T> work)
    {
        if (!Console.IsOutputRedirected && ReferenceEquals(log, Console.Out) && AnsiConsole.Profile.Capabilities.Interactive)
        {
            return AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("photos", maxValue: total);
                    return work(done => task.Value = Math.Max(task.Value, done));
                });
        }
        return work(TenthsLog.For(total, "photos", log));
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
