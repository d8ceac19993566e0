using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using DeepPlate.Formats;

namespace DeepPlate.Inference;

/// <summary>
/// Reads plates: checks the request (country, state, format, corners) before any work, rectifies each frame with
/// the shared routine, runs the country's model on each frame alone, fuses the frames (<see cref="FrameFusion"/>),
/// applies the chosen format (<see cref="FormatScope.Apply"/>), and ranks: every position's characters, the
/// <see cref="Candidates"/> most likely plates (<see cref="TopPlates.RankLeftAligned"/>) and the most likely valid
/// ones (<see cref="ValidRanking"/>). One instance serves all threads; the same request gives the same reading,
/// bit for bit, whatever the thread.
/// </summary>
/// <param name="cornerSets">How many corner sets each frame is read with (<see cref="CornerJitter"/>, fused like
/// frames): 1 reads the corners as given.</param>
public sealed class PlateReader(ModelCatalog models, FormatRegistry formats, int cornerSets = 1)
{
    /// <summary>How many plates each ranking lists.</summary>
    public const int Candidates = 60;

    private readonly ConcurrentDictionary<(string Model, string Country, string? State, string? Format), FormatScope> scopes = new();

    public ModelCatalog Models => models;

    public FormatRegistry Formats => formats;

    /// <exception cref="ArgumentException">Bad input, each with its own type and message: no frame,
    /// <see cref="UnknownCountryException"/>, <see cref="UnknownStateException"/>, <see cref="UnknownTemplateException"/>,
    /// <see cref="CornerException"/>.</exception>
    /// <exception cref="ModelUnavailableException">No accepted model for the country.</exception>
    public Reading Read(ReadRequest request)
    {
        if (request.Frames.Count == 0) throw new ArgumentException("no frame to read");
        var model = models.For(request.Country);
        var scope = Scope(model, request.Country, request.State, request.Format);
        var info = model.Info;

        var frames = new FrameReading[request.Frames.Count];
        for (var f = 0; f < frames.Length; f++)
        {
            var frame = request.Frames[f];
            var image = frame.Image;
            var corners = frame.Corners ?? PlateCorners.WholeImage(image.Width, image.Height);
            try
            {
                PlateCorners.Validate(corners, image.Width, image.Height);
            }
            catch (CornerException e) when (request.Frames.Count > 1)
            {
                throw new CornerException($"frame {f + 1}: {e.Message}");
            }
            frames[f] = new FrameReading(image.Sha256, image.Format, image.Width, image.Height, image.Orientation, [.. corners], frame.Corners is null);
        }

        var size = model.OutputSize;
        var sets = Math.Clamp(cornerSets, 1, CornerJitter.MaxSets);
        var input = ArrayPool<float>.Shared.Rent(sets * model.InputSize);
        var outputs = ArrayPool<float>.Shared.Rent(frames.Length * sets * size);
        var distribution = new float[size];
        try
        {
            for (var f = 0; f < frames.Length; f++)
            {
                var image = request.Frames[f].Image;
                var corners = sets == 1 ? [frames[f].Corners] : CornerJitter.Sets(frames[f].Corners, sets, image.Width, image.Height);
                for (var s = 0; s < sets; s++)
                {
                    PlatePreprocessing.Rectify(image, corners[s], input.AsSpan(s * model.InputSize, model.InputSize), info.InputWidth, info.InputHeight);
                }
                // One model call per frame: the corner sets go through as one batch.
                model.Run(input.AsMemory(0, sets * model.InputSize), sets, outputs.AsMemory(f * sets * size, sets * size));
            }
            FrameFusion.Fuse(outputs, frames.Length * sets, info.Slots, info.Classes, distribution);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
            ArrayPool<float>.Shared.Return(outputs);
        }
        return Rank(model, scope, frames, distribution);
    }

    /// <summary>The rankings of a distribution (after fusion; the scope's mask is applied here, in place).</summary>
    public Reading Rank(PlateModel model, FormatScope scope, FrameReading[] frames, float[] distribution)
    {
        scope.Apply(distribution);
        var info = model.Info;
        return new Reading(model.Id, model.Sha256, info, scope.Country.Code, scope.State?.Code, scope.Format?.QualifiedId, frames,
            distribution, Positions(distribution, info), RankPlates(distribution, info), ValidRanking.Rank(formats, scope, distribution, Candidates));
    }

    /// <summary>The scope of a country, state and format for a model, resolved once and cached.</summary>
    public FormatScope Scope(PlateModel model, string country, string? state, string? format)
    {
        var key = (model.Id, country.Trim().ToLowerInvariant(), FormatScope.IsUnknown(state) ? null : state!.Trim().ToLowerInvariant(),
            FormatScope.IsUnknown(format) ? null : format!.Trim().ToLowerInvariant());
        return scopes.GetOrAdd(key, k => FormatScope.Resolve(formats, model.Info, k.Country, k.State, k.Format));
    }

    /// <summary>Every position's classes of non-zero confidence, best first (ties to the lower class).</summary>
    public static IReadOnlyList<IReadOnlyList<CharacterConfidence>> Positions(ReadOnlySpan<float> distribution, ModelInfo info)
    {
        var classes = info.Classes;
        var positions = new IReadOnlyList<CharacterConfidence>[info.Slots];
        Span<int> order = stackalloc int[classes];
        for (var s = 0; s < info.Slots; s++)
        {
            var row = distribution.Slice(s * classes, classes);
            var n = 0;
            for (var c = 0; c < classes; c++)
            {
                if (row[c] > 0) order[n++] = c;
            }
            // Insertion sort, best first, stable (lower class first on ties): a few dozen classes.
            for (var i = 1; i < n; i++)
            {
                var c = order[i];
                var p = row[c];
                var j = i - 1;
                while (j >= 0 && row[order[j]] < p)
                {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = c;
            }
            var list = new CharacterConfidence[n];
            for (var i = 0; i < n; i++)
            {
                var c = order[i];
                list[i] = new CharacterConfidence(c == info.Blank ? "" : CharText(info.Alphabet[c]), row[c]);
            }
            positions[s] = list;
        }
        return positions;
    }

    private static IReadOnlyList<PlateCandidate> RankPlates(float[] distribution, ModelInfo info)
    {
        var slots = info.Slots;
        var plates = ArrayPool<int>.Shared.Rent(Candidates * slots);
        var scores = ArrayPool<double>.Shared.Rent(Candidates);
        try
        {
            var found = TopPlates.RankLeftAligned(distribution, slots, info.Classes, Candidates, plates, scores);
            var list = new PlateCandidate[found];
            Span<char> text = stackalloc char[slots];
            for (var i = 0; i < found; i++)
            {
                var n = 0;
                for (var s = 0; s < slots; s++)
                {
                    var c = plates[i * slots + s];
                    if (c != info.Blank) text[n++] = info.Alphabet[c];
                }
                list[i] = new PlateCandidate(new string(text[..n]), scores[i]);
            }
            return list;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(plates);
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    // One string per character, made once: plate alphabets are Latin (A-Z, digits, Ä Ö Ü).
    private static readonly string[] CharTexts = BuildCharTexts();

    private static string[] BuildCharTexts()
    {
        var texts = new string[0x250];
        for (var c = 0; c < texts.Length; c++) texts[c] = ((char)c).ToString();
        return texts;
    }

    private static string CharText(char c) => c < CharTexts.Length ? CharTexts[c] : c.ToString();
}
