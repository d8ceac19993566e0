using System.Numerics;

namespace DeepPlate.Inference;

/// <summary>One frame to read: a decoded picture and the plate's four corners in it, or null for the whole picture
/// ("select all": the picture is already the plate).</summary>
public sealed record PlateFrame(PlateImage Image, Vector2[]? Corners = null);

/// <summary>What to read: one or more frames of the same plate, its country and, optionally, its state and format.</summary>
/// <param name="State">A US state code; null, empty or "unknown" when not known.</param>
/// <param name="Format">A template id (for the US within the state, or <c>state/id</c>); null, empty or "unknown":
/// no rule on the raw ranking.</param>
public sealed record ReadRequest(IReadOnlyList<PlateFrame> Frames, string Country, string? State = null, string? Format = null);

/// <summary>A class at one position and its confidence. <see cref="Char"/> is empty for "no character".</summary>
public readonly record struct CharacterConfidence(string Char, float Confidence);

/// <summary>A plate text (characters only, left to right) and its aggregated confidence.</summary>
public readonly record struct PlateCandidate(string Plate, double Confidence);

/// <summary>A frame as read: its picture's identity and size, and the corners used (the whole picture's when none were given).</summary>
public sealed record FrameReading(string Sha256, string Format, int Width, int Height, int Orientation, Vector2[] Corners, bool WholeImage);

/// <summary>
/// The reader's answer, as investigators know it: for every position the characters by confidence, the most likely
/// plates by the product of their characters' confidences, the most likely plates that are valid for the country's
/// formats, and (with the US state unknown) the likely states and formats.
/// </summary>
/// <param name="Distribution">slots x classes after fusion and the format mask: what everything else is derived from.</param>
/// <param name="Positions">For every slot the model reads, every class of non-zero confidence, best first.</param>
/// <param name="Candidates">The most likely plates, best first (over the masked distribution when a format was chosen).</param>
/// <param name="Valid">The most likely texts valid for the scope's templates, best first.</param>
public sealed record Reading(
    string ModelId,
    string ModelSha256,
    ModelInfo Model,
    string Country,
    string? State,
    string? Format,
    IReadOnlyList<FrameReading> Frames,
    float[] Distribution,
    IReadOnlyList<IReadOnlyList<CharacterConfidence>> Positions,
    IReadOnlyList<PlateCandidate> Candidates,
    ValidResult Valid)
{
    /// <summary>The SHA-256 cited for the input: the picture's for one frame; for several, the SHA-256 of their
    /// hashes in order, one per line (each frame's own is in <see cref="Frames"/>).</summary>
    public string InputSha256 => Frames.Count == 1
        ? Frames[0].Sha256
        : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.ASCII.GetBytes(string.Concat(Frames.Select(f => f.Sha256 + "\n")))));
}
