using System.CommandLine;
using DeepPlate.Formats;

namespace DeepPlate.Cli.Commands;

/// <summary><c>deepplate formats list</c> and <c>deepplate formats check</c>.</summary>
public static class FormatsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "Countries, states and their templates.");
        list.SetAction(_ => List(Console.Out));

        var country = new Argument<string>("country") { Description = $"Country code ({CountryCodes.ListDefault()})." };
        var texts = new Argument<string[]>("text") { Description = "Plate texts to check.", Arity = ArgumentArity.OneOrMore };
        var state = new Option<string?>("--state") { Description = "US state (postal code)." };
        var template = new Option<string?>("--format") { Description = "Restrict to one template id." };
        var check = new Command("check", "Checks plate texts against a country's templates; exit code 0 only if all are valid.")
        {
            country, texts, state, template,
        };
        check.SetAction(r => Check(r.GetValue(country)!, r.GetValue(texts)!, r.GetValue(state), r.GetValue(template), Console.Out, Console.Error));

        return new Command("formats", "Plate formats of every country.") { list, check };
    }

    public static int List(TextWriter output)
    {
        foreach (var c in FormatRegistry.Default.Countries)
        {
            var alphabet = ModelAlphabet.For(c);
            var aliases = c.Aliases.Count > 0 ? $" (also {string.Join(", ", c.Aliases)})" : "";
            output.WriteLine($"{c.Code}{aliases}  {c.Name}: {c.Templates.Count} templates, alphabet {alphabet.Characters}, {alphabet.Slots} slots");
            foreach (var t in c.Templates.Where(t => t.State is null)) WriteTemplate(output, t, "  ");
            foreach (var s in c.States)
            {
                output.WriteLine($"  {s.Code}  {s.Name}{(s.Verified ? "" : " (unverified)")}");
                foreach (var t in s.Templates) WriteTemplate(output, t, "    ");
            }
        }
        return 0;
    }

    private static void WriteTemplate(TextWriter output, PlateTemplate t, string indent) =>
        output.WriteLine($"{indent}{t.Id,-12} {t.Pattern,-28} e.g. {t.Example,-12} {t.Status.ToString().ToLowerInvariant(),-7} {t.Name}{(t.Verified ? "" : " (unverified)")}");

    public static int Check(string country, IEnumerable<string> texts, string? state, string? template, TextWriter output, TextWriter error)
    {
        var allValid = true;
        try
        {
            foreach (var text in texts)
            {
                var result = FormatRegistry.Default.Check(country, text, state, template);
                allValid &= result.IsValid;
                var notes = result.Notes.Count == 0 ? "" : $"\t(note: {string.Join("; ", result.Notes)})";
                output.WriteLine(result.IsValid
                    ? $"{text}\tvalid\t{result.Template!.QualifiedId} ({result.Template.Name})\t{result.Canonical}{notes}"
                    : $"{text}\tinvalid\t{result.Reason}");
            }
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
        return allValid ? 0 : 1;
    }
}
