using System.Text.Json;
using DeepPlate.Inference;
using DeepPlate.Inference.Report;

namespace DeepPlate.Web.Features.Reading;

/// <summary>
/// The page's answer to a read: <c>{ fileName, reading, percent, validNotes, pdf }</c>. <c>reading</c> is exactly
/// <c>deepplate read --json</c>'s object; <c>percent</c> holds every confidence the page shows, already written by
/// the report's own rule (<see cref="ConfidenceText"/>), in the same shape (<c>positions</c> as arrays per position,
/// <c>candidates</c>, <c>valid</c>): one rule, applied once, on the server, so the page cannot print "100.0 %" where
/// the PDF beside it says "99.9 %". <c>validNotes</c> is, for each valid plate, the report's note on it
/// (<see cref="ValidNoteText"/>) or null, for the same reason.
/// </summary>
public static class PageAnswer
{
    public static byte[] Write(string fileName, Inference.Reading reading, byte[] pdf)
    {
        using var body = new MemoryStream();
        using (var w = new Utf8JsonWriter(body, ReadingJson.Options))
        {
            w.WriteStartObject();
            w.WriteString("fileName", fileName);
            w.WriteStartObject("reading");
            ReadingJson.Write(w, reading);
            w.WriteEndObject();
            w.WriteStartObject("percent");
            w.WriteStartArray("positions");
            foreach (var position in reading.Positions) Texts(w, null, position.Select(c => (double)c.Confidence));
            w.WriteEndArray();
            Texts(w, "candidates", reading.Candidates.Select(c => c.Confidence));
            Texts(w, "valid", reading.Valid.Plates.Select(v => v.Confidence));
            w.WriteEndObject();
            w.WriteStartArray("validNotes");
            foreach (var v in reading.Valid.Plates)
            {
                if (ValidNoteText.For(v) is { } note) w.WriteStringValue(note);
                else w.WriteNullValue();
            }
            w.WriteEndArray();
            w.WriteBase64String("pdf", pdf);
            w.WriteEndObject();
        }
        return body.ToArray();
    }

    private static void Texts(Utf8JsonWriter w, string? name, IEnumerable<double> confidences)
    {
        if (name is null) w.WriteStartArray();
        else w.WriteStartArray(name);
        foreach (var c in confidences) w.WriteStringValue(ConfidenceText.Percent(c));
        w.WriteEndArray();
    }
}
