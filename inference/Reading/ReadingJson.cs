using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeepPlate.Inference;

/// <summary>
/// A reading as one JSON object, the form the CLI (<c>deepplate read --json</c>, one object per line in batch mode)
/// and the web API share. Numbers are written in their shortest round-trip form and fields in a fixed order, so the
/// same reading gives the same bytes.
/// <code>
/// { "model": { "id", "sha256", "country", "alphabet", "slots", "inputWidth", "inputHeight", "temperature", "training" },
///   "country", "state", "format", "sha256",
///   "frames": [ { "image", "sha256", "format", "width", "height", "orientation", "corners": [[x, y] x4], "wholeImage" } ],
///   "positions": [ [ { "char", "confidence" } ... ] per slot ],        "no character" is ""
///   "candidates": [ { "plate", "confidence" } ... ],                   at most 60, best first
///   "valid": [ { "plate", "compact", "template", "name", "confidence", "prior"?, "notes"? } ... ], "validComplete",
///                                                                   prior and notes only for a combination a
///                                                                   notIssued rule marks; ordered by confidence x prior
///   "likelyFormats": [ { "template", "name", "state", "share" } ], "likelyStates": [ { "state", "name", "share" } ] }
/// </code>
/// </summary>
public static class ReadingJson
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The reading as one line of JSON.</summary>
    /// <param name="images">The frames' file names, as given, or null.</param>
    /// <param name="extra">Fields written first (the batch line number), or null.</param>
    public static string ToJson(Reading reading, IReadOnlyList<string>? images = null, Action<Utf8JsonWriter>? extra = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            extra?.Invoke(writer);
            Write(writer, reading, images);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the reading's fields into the object the writer is in.</summary>
    public static void Write(Utf8JsonWriter w, Reading r, IReadOnlyList<string>? images = null)
    {
        w.WriteStartObject("model");
        w.WriteString("id", r.ModelId);
        w.WriteString("sha256", r.ModelSha256);
        w.WriteString("country", r.Model.Country);
        w.WriteString("alphabet", r.Model.Alphabet);
        w.WriteNumber("slots", r.Model.Slots);
        w.WriteNumber("inputWidth", r.Model.InputWidth);
        w.WriteNumber("inputHeight", r.Model.InputHeight);
        w.WriteNumber("temperature", r.Model.Temperature);
        w.WriteString("training", r.Model.Training);
        w.WriteEndObject();

        w.WriteString("country", r.Country);
        w.WriteString("state", r.State);
        w.WriteString("format", r.Format);
        w.WriteString("sha256", r.InputSha256);

        w.WriteStartArray("frames");
        for (var i = 0; i < r.Frames.Count; i++)
        {
            var f = r.Frames[i];
            w.WriteStartObject();
            if (images is not null) w.WriteString("image", images[i]);
            w.WriteString("sha256", f.Sha256);
            w.WriteString("format", f.Format);
            w.WriteNumber("width", f.Width);
            w.WriteNumber("height", f.Height);
            w.WriteNumber("orientation", f.Orientation);
            w.WriteStartArray("corners");
            foreach (var c in f.Corners)
            {
                w.WriteStartArray();
                w.WriteNumberValue(c.X);
                w.WriteNumberValue(c.Y);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteBoolean("wholeImage", f.WholeImage);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("positions");
        foreach (var position in r.Positions)
        {
            w.WriteStartArray();
            foreach (var c in position)
            {
                w.WriteStartObject();
                w.WriteString("char", c.Char);
                w.WriteNumber("confidence", c.Confidence);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();

        Objects(w, "candidates", r.Candidates, static (w, c) =>
        {
            w.WriteString("plate", c.Plate);
            w.WriteNumber("confidence", c.Confidence);
        });
        Objects(w, "valid", r.Valid.Plates, static (w, v) =>
        {
            w.WriteString("plate", v.Plate);
            w.WriteString("compact", v.Compact);
            w.WriteString("template", v.Template);
            w.WriteString("name", v.TemplateName);
            w.WriteNumber("confidence", v.Confidence);
            // Only for a rarer combination: ordinary plates keep the fields they always had.
            if (v.Notes.Count == 0) return;
            w.WriteNumber("prior", v.Prior);
            w.WriteStartArray("notes");
            foreach (var note in v.Notes) w.WriteStringValue(note);
            w.WriteEndArray();
        });
        w.WriteBoolean("validComplete", r.Valid.Complete);
        Objects(w, "likelyFormats", r.Valid.Formats, static (w, f) =>
        {
            w.WriteString("template", f.Template);
            w.WriteString("name", f.Name);
            w.WriteString("state", f.State);
            w.WriteNumber("share", f.Share);
        });
        Objects(w, "likelyStates", r.Valid.States, static (w, s) =>
        {
            w.WriteString("state", s.State);
            w.WriteString("name", s.Name);
            w.WriteNumber("share", s.Share);
        });
    }

    /// <summary>An array <paramref name="name"/> of one object per item, its fields written by <paramref name="fields"/>.</summary>
    private static void Objects<T>(Utf8JsonWriter w, string name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> fields)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            fields(w, item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
