using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepPlate.Training;

/// <summary>
/// The written form of a <see cref="NetworkSpec"/>: network.json in a run folder, the network of checkpoint.json, the
/// <c>deepplate.network</c> metadata of an exported model and the <c>--network</c> file of <c>train</c>.
/// <code>
/// {
///   "version": 1,
///   "input": {"height": 32, "width": 128},
///   "layers": [
///     {"kind": "conv", "channels": 32, "kernel": 3},
///     {"kind": "pool", "height": 2, "width": 2},
///     …
///   ],
///   "dropout": 0.2,
///   "head": {"kind": "slots", "slots": 8, "classes": 40}
/// }
/// </code>
/// An attention head with more than one self-attention layer says how many (<c>"layers": 2</c>, written only then, so
/// the records of one-layer networks stay as they were). Every other key is required and no other is allowed, so a record that a later DeepPlate wrote with more in it is refused
/// with a message rather than read as something else. Comments and trailing commas are allowed in hand-written files.
/// </summary>
public static class NetworkJson
{
    public const int Version = 1;

    private static readonly JsonDocumentOptions Reading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>One layer a line when <paramref name="indented"/>, else one line (for metadata and checkpoint.json).</summary>
    public static string Write(NetworkSpec spec, bool indented = true)
    {
        var text = new StringBuilder()
            .Append("{\n  \"version\": ").Append(Version).Append(",\n")
            .Append("  \"input\": ").Append(Inline(("height", spec.InputHeight), ("width", spec.InputWidth))).Append(",\n")
            .Append("  \"layers\": [");
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i] switch
            {
                ConvBlock c => Inline(("kind", "conv"), ("channels", c.Channels), ("kernel", c.Kernel)),
                Pool p => Inline(("kind", "pool"), ("height", p.Height), ("width", p.Width)),
                var other => throw new NotSupportedException($"layer {other}"),
            };
            text.Append(i == 0 ? "\n    " : ",\n    ").Append(layer);
        }
        text.Append("\n  ],\n")
            .Append("  \"dropout\": ").Append(spec.Dropout.ToString("R", CultureInfo.InvariantCulture)).Append(",\n")
            .Append("  \"head\": ").Append(Inline(HeadProperties(spec))).Append("\n}\n");
        return indented ? text.ToString() : JsonNode.Parse(text.ToString())!.ToJsonString();
    }

    /// <exception cref="InvalidDataException">Not a network description; the message names <paramref name="source"/> and the fault.</exception>
    public static NetworkSpec Parse(string text, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Reading);
            return Parse(document.RootElement, source);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a network description ({e.Message})", e);
        }
    }

    /// <exception cref="InvalidDataException">Not a network description.</exception>
    public static NetworkSpec Parse(JsonElement root, string source)
    {
        var network = Object(root, source, "the network", "version", "input", "layers", "dropout", "head");
        if (Int(network, "version", source, "the network") != Version)
            throw Fault(source, $"version {network["version"]} is not one this DeepPlate reads (it reads {Version})");

        var input = Object(network["input"], source, "input", "height", "width");
        var layers = new List<Layer>();
        if (network["layers"].ValueKind != JsonValueKind.Array) throw Fault(source, "'layers' is not a list");
        var index = 0;
        foreach (var element in network["layers"].EnumerateArray())
        {
            var where = $"layer {index++}";
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
                throw Fault(source, $"{where} has no 'kind' (conv or pool)");
            layers.Add(kind.GetString() switch
            {
                "conv" => Conv(Object(element, source, where, "kind", "channels", "kernel"), source, where),
                "pool" => Pooling(Object(element, source, where, "kind", "height", "width"), source, where),
                var other => throw Fault(source, $"{where} is of kind '{other}'; this DeepPlate knows conv and pool"),
            });
        }

        var dropoutElement = network["dropout"];
        if (dropoutElement.ValueKind != JsonValueKind.Number || !dropoutElement.TryGetDouble(out var dropout) || dropout is < 0 or >= 1)
            throw Fault(source, "'dropout' must be a number in [0, 1)");

        var headElement = network["head"];
        if (headElement.ValueKind != JsonValueKind.Object || !headElement.TryGetProperty("kind", out var headKind) || headKind.ValueKind != JsonValueKind.String)
            throw Fault(source, "'head' has no 'kind' (slots or attention)");
        var kindOfHead = Enum.GetValues<HeadKind>().Where(k => HeadName(k) == headKind.GetString()).Cast<HeadKind?>().FirstOrDefault()
            ?? throw Fault(source, $"the head is of kind '{headKind.GetString()}'; this DeepPlate knows slots and attention");
        var head = Object(headElement, source, "head", ["kind", "slots", "classes"], kindOfHead == HeadKind.Attention ? ["layers"] : []);
        var headLayers = head.ContainsKey("layers") ? Int(head, "layers", source, "head") : 1;

        var spec = new NetworkSpec(Int(input, "height", source, "input"), Int(input, "width", source, "input"), layers, dropout,
            Int(head, "slots", source, "head"), Int(head, "classes", source, "head"), kindOfHead, headLayers);
        try
        {
            spec.FeatureShape();
        }
        catch (ArgumentException e)
        {
            throw Fault(source, e.Message);
        }
        return spec;
    }

    private static string HeadName(HeadKind kind) => kind.ToString().ToLowerInvariant();

    private static (string Key, object Value)[] HeadProperties(NetworkSpec spec) => spec.HeadLayers == 1
        ? [("kind", HeadName(spec.Head)), ("slots", spec.Slots), ("classes", spec.Classes)]
        : [("kind", HeadName(spec.Head)), ("layers", spec.HeadLayers), ("slots", spec.Slots), ("classes", spec.Classes)];

    private static ConvBlock Conv(Dictionary<string, JsonElement> layer, string source, string where)
    {
        var kernel = Int(layer, "kernel", source, where);
        // "Same" padding of kernel / 2 keeps the size only for odd kernels.
        if (kernel % 2 == 0) throw Fault(source, $"{where}: the kernel must be odd, not {kernel}");
        return new ConvBlock(Int(layer, "channels", source, where), kernel);
    }

    private static Pool Pooling(Dictionary<string, JsonElement> layer, string source, string where) =>
        new(Int(layer, "height", source, where), Int(layer, "width", source, where));

    // The object's properties, all of the expected keys and no others.
    private static Dictionary<string, JsonElement> Object(JsonElement element, string source, string where, params string[] keys) =>
        Object(element, source, where, keys, []);

    private static Dictionary<string, JsonElement> Object(JsonElement element, string source, string where, string[] keys, string[] optional)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Fault(source, $"{where} is not an object");
        var properties = new Dictionary<string, JsonElement>();
        foreach (var property in element.EnumerateObject())
        {
            if (!keys.Contains(property.Name) && !optional.Contains(property.Name))
                throw Fault(source, $"{where} has an unknown key '{property.Name}' (expected {string.Join(", ", keys.Concat(optional))})");
            properties[property.Name] = property.Value;
        }
        if (keys.FirstOrDefault(k => !properties.ContainsKey(k)) is { } missing) throw Fault(source, $"{where} has no '{missing}'");
        return properties;
    }

    private static int Int(Dictionary<string, JsonElement> properties, string key, string source, string where) =>
        properties[key].ValueKind == JsonValueKind.Number && properties[key].TryGetInt32(out var value) && value > 0
            ? value
            : throw Fault(source, $"{where}: '{key}' must be a positive whole number, not {properties[key].GetRawText()}");

    private static InvalidDataException Fault(string source, string message) => new($"{source}: {message}");

    private static string Inline(params (string Key, object Value)[] properties) =>
        "{" + string.Join(", ", properties.Select(p => $"\"{p.Key}\": " + (p.Value is string s ? $"\"{s}\"" : Convert.ToString(p.Value, CultureInfo.InvariantCulture)))) + "}";
}
