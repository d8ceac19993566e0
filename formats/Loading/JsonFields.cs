using System.Text.Json.Nodes;

namespace DeepPlate.Formats;

/// <summary>
/// Reads one JSON object of a data file, so that every error names the file and the key path, and a key nobody
/// reads (a typo) is an error rather than silently ignored.
/// </summary>
internal sealed class JsonFields
{
    private readonly JsonObject node;
    private readonly HashSet<string> read = [];

    public JsonFields(JsonNode? node, string file, string path)
    {
        File = file;
        Path = path;
        this.node = node as JsonObject ?? throw new FormatFileException(file, path, "expected an object");
    }

    public string File { get; }

    public string Path { get; }

    public JsonObject Node => node;

    public string Key(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public FormatFileException Error(string key, string problem) => new(File, Key(key), problem);

    public bool Has(string key)
    {
        read.Add(key);
        return node[key] is not null;
    }

    public JsonNode? Raw(string key)
    {
        read.Add(key);
        return node[key];
    }

    public string String(string key) => OptionalString(key) ?? throw Error(key, "is required");

    public string? OptionalString(string key)
    {
        var value = Raw(key);
        if (value is null) return null;
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
        {
            if (s.Length == 0) throw Error(key, "is empty");
            return s;
        }
        throw Error(key, "should be a string");
    }

    public double Number(string key) => OptionalNumber(key) ?? throw Error(key, "is required");

    public double? OptionalNumber(string key)
    {
        var value = Raw(key);
        if (value is null) return null;
        if (value is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d)) return d;
        throw Error(key, "should be a number");
    }

    public double Positive(string key)
    {
        var d = Number(key);
        return d > 0 ? d : throw Error(key, "should be greater than 0");
    }

    public bool? OptionalBool(string key)
    {
        var value = Raw(key);
        if (value is null) return null;
        if (value is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
        throw Error(key, "should be true or false");
    }

    public IReadOnlyList<string> Strings(string key)
    {
        var value = Raw(key);
        if (value is null) return [];
        if (value is not JsonArray array) throw Error(key, "should be an array of strings");
        var list = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0) list.Add(s);
            else throw new FormatFileException(File, $"{Key(key)}[{i}]", "should be a non-empty string");
        }
        return list;
    }

    public IReadOnlyList<JsonFields> Objects(string key)
    {
        var value = Raw(key);
        if (value is null) return [];
        if (value is not JsonArray array) throw Error(key, "should be an array of objects");
        return [.. array.Select((item, i) => new JsonFields(item, File, $"{Key(key)}[{i}]"))];
    }

    public JsonFields? OptionalObject(string key)
    {
        var value = Raw(key);
        return value is null ? null : new JsonFields(value, File, Key(key));
    }

    /// <summary>The object's own keys, for maps such as <c>sets</c> and <c>lists</c>.</summary>
    public IEnumerable<string> Keys => node.Select(p => p.Key);

    /// <summary>Fails on any key that was never read.</summary>
    public void NoOtherKeys()
    {
        foreach (var (key, _) in node)
        {
            if (!read.Contains(key)) throw Error(key, "unknown key");
        }
    }
}
