using System.Globalization;

namespace DeepPlate.Inference;

/// <summary>
/// What a model file says about itself in its ONNX metadata: which country and alphabet it reads, the input it
/// expects, the format files it was trained against, its calibration and how it was trained. Written by the exporter,
/// read by every reader, so the keys are defined here once.
/// </summary>
/// <param name="Alphabet">The class characters in order; the class after the last is "no character".</param>
/// <param name="FormatsSha256">Hash of the country's format files at training time (<c>CountryFormat.Sha256</c>).</param>
/// <param name="Temperature">Calibration temperature, already applied inside the graph's softmax.</param>
/// <param name="EceBefore">Expected calibration error of the per-slot confidences before calibration.</param>
/// <param name="EceAfter">The same after calibration, on the same held-out plates.</param>
/// <param name="Training">A one-line summary of the training run (samples, minutes, final validation accuracy).</param>
/// <param name="DegradationsSha256">Hash of the degradation spec (synth/degradations.jsonc) the run drew its plates
/// from; null in models exported before it was recorded.</param>
/// <param name="AppearanceSha256">Hash of the run's appearance spec (of the word "plain" and a newline for the plain
/// generator); null in models exported before it was recorded.</param>
public sealed record ModelInfo(
    string Country,
    string Alphabet,
    int Slots,
    int InputHeight,
    int InputWidth,
    string FormatsSha256,
    double Temperature,
    double EceBefore,
    double EceAfter,
    string Training,
    string? DegradationsSha256 = null,
    string? AppearanceSha256 = null)
{
    public const string InputName = "input";
    public const string OutputName = "probs";
    private const string Prefix = "deepplate.";

    /// <summary>
    /// The network's description (the JSON of DeepPlate.Training.NetworkJson), written by the exporter and read by the
    /// importer to rebuild the network for further training. The reader runs the graph itself and never needs it.
    /// </summary>
    public const string NetworkKey = Prefix + "network";

    /// <summary>Classes per slot: the alphabet plus "no character".</summary>
    public int Classes => Alphabet.Length + 1;

    /// <summary>The class index of "no character".</summary>
    public int Blank => Alphabet.Length;

    public IReadOnlyList<KeyValuePair<string, string>> ToMetadata() =>
    [
        new(Prefix + "country", Country),
        new(Prefix + "alphabet", Alphabet),
        new(Prefix + "slots", Slots.ToString(CultureInfo.InvariantCulture)),
        new(Prefix + "input_height", InputHeight.ToString(CultureInfo.InvariantCulture)),
        new(Prefix + "input_width", InputWidth.ToString(CultureInfo.InvariantCulture)),
        new(Prefix + "formats_sha256", FormatsSha256),
        new(Prefix + "temperature", Temperature.ToString("R", CultureInfo.InvariantCulture)),
        new(Prefix + "ece_before", EceBefore.ToString("R", CultureInfo.InvariantCulture)),
        new(Prefix + "ece_after", EceAfter.ToString("R", CultureInfo.InvariantCulture)),
        new(Prefix + "training", Training),
        // Absent rather than empty when unknown, as in the files written before they were recorded.
        .. (DegradationsSha256 is null ? [] : new KeyValuePair<string, string>[] { new(Prefix + "degradations_sha256", DegradationsSha256) }),
        .. (AppearanceSha256 is null ? [] : new KeyValuePair<string, string>[] { new(Prefix + "appearance_sha256", AppearanceSha256) }),
    ];

    /// <exception cref="InvalidDataException">A key is missing or malformed: the file is not a DeepPlate model.</exception>
    public static ModelInfo FromMetadata(IReadOnlyDictionary<string, string> metadata, string source)
    {
        string Get(string key) => metadata.TryGetValue(Prefix + key, out var v)
            ? v
            : throw new InvalidDataException($"{source}: not a DeepPlate model (metadata '{Prefix}{key}' is missing)");
        int Int(string key) => int.TryParse(Get(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw new InvalidDataException($"{source}: metadata '{Prefix}{key}' is not a positive integer");
        double Real(string key) => double.TryParse(Get(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidDataException($"{source}: metadata '{Prefix}{key}' is not a number");

        return new ModelInfo(Get("country"), Get("alphabet"), Int("slots"), Int("input_height"), Int("input_width"),
            Get("formats_sha256"), Real("temperature"), Real("ece_before"), Real("ece_after"), Get("training"),
            metadata.GetValueOrDefault(Prefix + "degradations_sha256"), metadata.GetValueOrDefault(Prefix + "appearance_sha256"));
    }
}
