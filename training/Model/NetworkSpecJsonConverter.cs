using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeepPlate.Training;

/// <summary>
/// Serialises a <see cref="NetworkSpec"/> wherever it appears in a serialised record (checkpoint.json) in the one
/// written form of <see cref="NetworkJson"/>, rather than in whatever shape reflection would give its layers.
/// </summary>
public sealed class NetworkSpecJsonConverter : JsonConverter<NetworkSpec>
{
    public override NetworkSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return NetworkJson.Parse(document.RootElement, "the network of a checkpoint");
    }

    // One line even in an indented file: the record is network.json's, which gives it one layer a line.
    public override void Write(Utf8JsonWriter writer, NetworkSpec value, JsonSerializerOptions options) =>
        writer.WriteRawValue(NetworkJson.Write(value, indented: false));
}
