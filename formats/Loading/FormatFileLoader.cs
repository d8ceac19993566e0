using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DeepPlate.Formats;

/// <summary>Reads one country's data file (and its state files) into a <see cref="CountryFormat"/>, validating everything.</summary>
internal static partial class FormatFileLoader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();

    /// <summary>Scope that state files inherit from their country.</summary>
    private sealed record Scope(CharSet Letters, Dictionary<string, CharSet> Sets, Dictionary<string, TokenList> Lists, JsonObject Plate, JsonObject Typeface);

    public static CountryFormat Load(string countryPath, string root)
    {
        var file = Display(countryPath, root);
        var f = new JsonFields(Parse(countryPath, file), file, "");
        var code = f.String("code");
        if (code != Path.GetFileNameWithoutExtension(countryPath)) throw f.Error("code", $"'{code}' should equal the file name");
        var name = f.String("name");
        var aliases = f.Strings("aliases");
        var scope = ReadScope(f, null);
        var plate = StyleReader.Plate(scope.Plate, file, "plate");
        var typeface = StyleReader.Typeface(scope.Typeface, file, "typeface");
        var templates = ReadTemplates(f, scope, code, null, name);

        var states = new List<StateFormat>();
        var stateFiles = new List<string>();
        var statesDir = Path.Combine(Path.GetDirectoryName(countryPath)!, code);
        if (Directory.Exists(statesDir))
        {
            stateFiles = [.. Directory.GetFiles(statesDir, "*.jsonc").Order(StringComparer.Ordinal)];
            foreach (var statePath in stateFiles) states.Add(LoadState(statePath, root, scope, code));
            templates.AddRange(states.SelectMany(s => s.Templates));
        }
        if (templates.Count == 0) throw f.Error("templates", "a country needs at least one template (in its file or its state files)");
        var prior = f.OptionalString("prior") switch
        {
            null or "issued" => TaughtPrior.Issued,
            "drawn" => TaughtPrior.Drawn,
            var other => throw f.Error("prior", $"'{other}' should be \"issued\" or \"drawn\""),
        };
        f.NoOtherKeys();

        return new CountryFormat(
            code, name, aliases, plate, typeface,
            scope.Lists, templates, states,
            Hash([countryPath, .. stateFiles], root)) { Prior = prior };
    }

    private static StateFormat LoadState(string path, string root, Scope country, string countryCode)
    {
        var file = Display(path, root);
        var f = new JsonFields(Parse(path, file), file, "");
        var code = f.String("code");
        if (code != Path.GetFileNameWithoutExtension(path)) throw f.Error("code", $"'{code}' should equal the file name");
        var name = f.String("name");
        var weight = f.Positive("weight");
        var scope = ReadScope(f, country);
        var plate = StyleReader.Plate(scope.Plate, file, "plate");
        var typeface = StyleReader.Typeface(scope.Typeface, file, "typeface");
        var templates = ReadTemplates(f, scope, countryCode, code, name);
        if (templates.Count == 0) throw f.Error("templates", "a state needs at least one template");
        var state = new StateFormat(
            code, name, weight, plate, typeface, templates,
            f.OptionalBool("verified") ?? true,
            f.OptionalString("note"));
        f.NoOtherKeys();
        return state;
    }

    private static Scope ReadScope(JsonFields f, Scope? parent)
    {
        var letters = parent?.Letters ?? CharSet.Parse("A-Z");
        if (f.OptionalString("letters") is string spec) letters = ParseSet(f, "letters", spec);

        var sets = new Dictionary<string, CharSet>(parent?.Sets ?? []);
        if (f.OptionalObject("sets") is JsonFields setFields)
        {
            foreach (var key in setFields.Keys)
            {
                CheckName(setFields, key);
                sets[key] = ParseSet(setFields, key, setFields.String(key));
            }
        }

        var lists = new Dictionary<string, TokenList>(parent?.Lists ?? []);
        if (f.OptionalObject("lists") is JsonFields listFields)
        {
            foreach (var key in listFields.Keys)
            {
                CheckName(listFields, key);
                if (sets.ContainsKey(key)) throw listFields.Error(key, "a set has the same name");
                lists[key] = ReadList(new JsonFields(listFields.Raw(key), listFields.File, listFields.Key(key)), key);
            }
        }

        var plate = Required(f, "plate", parent?.Plate);
        var typeface = Required(f, "typeface", parent?.Typeface);
        return new Scope(letters, sets, lists, plate, typeface);
    }

    private static JsonObject Required(JsonFields f, string key, JsonObject? inherited)
    {
        var own = f.Raw(key);
        if (own is not null and not JsonObject) throw f.Error(key, "expected an object");
        if (own is null && inherited is null) throw f.Error(key, "is required");
        return JsonMerge.Merge(inherited, own as JsonObject);
    }

    private static TokenList ReadList(JsonFields f, string name)
    {
        var entries = f.Strings("entries");
        if (entries.Count == 0) throw f.Error("entries", "is required and not empty");
        var index = new Dictionary<string, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] != entries[i].ToUpperInvariant() || entries[i].Any(c => char.IsWhiteSpace(c) || TemplateRegex.Separators.Contains(c)))
            {
                throw new FormatFileException(f.File, $"{f.Key("entries")}[{i}]", $"'{entries[i]}' should be upper case without separators");
            }
            if (!index.TryAdd(entries[i], i)) throw new FormatFileException(f.File, $"{f.Key("entries")}[{i}]", $"'{entries[i]}' is listed twice");
        }
        var weights = Enumerable.Repeat(1.0, entries.Count).ToArray();
        if (f.OptionalObject("weights") is JsonFields w)
        {
            foreach (var key in w.Keys)
            {
                if (!index.TryGetValue(key, out var i)) throw w.Error(key, "is not an entry of the list");
                weights[i] = w.Positive(key);
            }
        }
        var list = new TokenList(name, entries, weights, f.OptionalString("source"));
        f.NoOtherKeys();
        return list;
    }

    private static List<PlateTemplate> ReadTemplates(JsonFields f, Scope scope, string country, string? state, string where)
    {
        var templates = new List<PlateTemplate>();
        foreach (var t in f.Objects("templates"))
        {
            var id = t.String("id");
            if (!IdPattern().IsMatch(id)) throw t.Error("id", $"'{id}' should be lower case letters, digits and '-'");
            if (templates.Any(x => x.Id == id)) throw t.Error("id", $"'{id}' is used twice");

            var letters = t.OptionalString("letters") is string spec ? ParseSet(t, "letters", spec) : scope.Letters;
            var pattern = t.String("pattern");
            IReadOnlyList<PatternElement> elements;
            try
            {
                elements = PatternParser.Parse(pattern, letters, scope.Sets, scope.Lists);
            }
            catch (FormatException e)
            {
                throw t.Error("pattern", e.Message);
            }

            var status = t.String("status") switch
            {
                "current" => TemplateStatus.Current,
                "legacy" => TemplateStatus.Legacy,
                var s => throw t.Error("status", $"'{s}' should be current or legacy"),
            };
            int? maxChars = t.OptionalNumber("maxChars") is double m
                ? (m >= 1 && m == Math.Floor(m) ? (int)m : throw t.Error("maxChars", "should be a whole number ≥ 1"))
                : null;

            var notIssued = new List<NotIssuedRule>();
            foreach (var x in t.Objects("notIssued"))
            {
                var regex = x.String("regex");
                var prior = x.OptionalNumber("prior") ?? NotIssuedRule.DefaultPrior;
                if (prior is not (> 0 and <= 1)) throw x.Error("prior", "should be more than 0 and at most 1");
                try
                {
                    notIssued.Add(new NotIssuedRule(new Regex(regex, RegexOptions.CultureInvariant), x.String("why"), prior));
                }
                catch (ArgumentException e)
                {
                    throw x.Error("regex", e.Message);
                }
                x.NoOtherKeys();
            }

            var template = new PlateTemplate(
                country, state, id,
                Name: t.String("name"),
                Pattern: pattern,
                Example: t.String("example"),
                Status: status,
                Weight: t.Positive("weight"),
                Source: t.String("source"),
                Verified: t.OptionalBool("verified") ?? true,
                Note: t.OptionalString("note"),
                MaxChars: maxChars,
                Elements: elements,
                NotIssued: notIssued,
                Plate: StyleReader.Plate(JsonMerge.Merge(scope.Plate, t.Raw("plate") as JsonObject), t.File, t.Key("plate")),
                Typeface: StyleReader.Typeface(JsonMerge.Merge(scope.Typeface, t.Raw("typeface") as JsonObject), t.File, t.Key("typeface")));

            if (template.Shapes.Count == 0) throw t.Error("pattern", "no plate fits the pattern within maxChars");
            var check = PlateChecker.Check(template.Example, [template], where, PlateCheckMode.Exact);
            if (!check.IsValid) throw t.Error("example", $"'{template.Example}' does not fit the template: {check.Reason}");
            if (check.Canonical != TextNormalizer.Normalize(template.Example))
            {
                throw t.Error("example", $"'{template.Example}' should be written as printed: '{check.Canonical}'");
            }
            t.NoOtherKeys();
            templates.Add(template);
        }
        return templates;
    }

    private static CharSet ParseSet(JsonFields f, string key, string spec)
    {
        try
        {
            return CharSet.Parse(spec);
        }
        catch (FormatException e)
        {
            throw f.Error(key, e.Message);
        }
    }

    private static void CheckName(JsonFields f, string key)
    {
        if (!NamePattern().IsMatch(key)) throw f.Error(key, "a name is letters, digits and '_'");
    }

    private static JsonNode Parse(string path, string file)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: Options)
                ?? throw new FormatFileException(file, "", "the file is empty");
        }
        catch (JsonException e)
        {
            throw new FormatFileException(file, "", $"not valid JSON at line {e.LineNumber + 1}: {e.Message}");
        }
    }

    private static string Display(string path, string root) =>
        "formats/" + Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>SHA-256 over the names and bytes of the country's files: what a model was trained against.</summary>
    private static string Hash(IEnumerable<string> paths, string root)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, path).Replace('\\', '/') + "\n"));
            sha.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
