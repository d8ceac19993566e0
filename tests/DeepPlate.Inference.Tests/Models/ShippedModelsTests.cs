using DeepPlate.Formats;
using DeepPlate.Inference.Tests.Reading;
using DeepPlate.Synth;

namespace DeepPlate.Inference.Tests.Models;

/// <summary>
/// Every country ships a model (inference/models/, copied beside the binaries), the catalog accepts it, and it reads
/// clean synthetic plates of its country through the whole reader: picture file, corners, rectification, ONNX
/// Runtime, ranking. The bar is far below the accuracy targets (docs/accuracy.md has those): it catches a missing,
/// refused, swapped or broken model, where chance would read about 3 % of characters.
/// </summary>
public sealed class ShippedModelsTests
{
    private const int Plates = 40;
    private const double MinCharacters = 0.85;
    private const double MinExact = 0.4;

    /// <summary>Disjoint from training (1), validation (1000001), calibration (2000001) and the grid ("EVAL").</summary>
    private const ulong Seed = 0x5348495050454400; // "SHIPPED"

    private static readonly Lazy<PlateReader> Reader = new(() => new PlateReader(ModelCatalog.Default, FormatRegistry.Default));

    public static TheoryData<string> Countries()
    {
        var data = new TheoryData<string>();
        foreach (var c in FormatRegistry.Default.Countries) data.Add(c.Code);
        return data;
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public void TheShippedModelReadsCleanPlatesOfItsCountry(string country)
    {
        var model = ModelCatalog.Default.For(country);
        Assert.Equal(country, model.Info.Country);

        int characters = 0, right = 0, exact = 0;
        for (var i = 0; i < Plates; i++)
        {
            var (png, text, clicked) = SyntheticFrames.Scene(country, Seed, i, _ => Degradations.Clean(120));
            var reading = Reader.Value.Read(new ReadRequest([new PlateFrame(PlateImage.Decode(png), clicked)], country));
            for (var s = 0; s < text.Length; s++)
            {
                characters++;
                if (reading.Positions[s][0].Char == text[s].ToString()) right++;
            }
            if (reading.Candidates[0].Plate == text) exact++;
        }
        var charRate = (double)right / characters;
        var exactRate = (double)exact / Plates;
        Assert.True(charRate >= MinCharacters && exactRate >= MinExact,
            $"{model.Id}: {charRate:P1} of characters and {exactRate:P1} of plates read right on clean {Plates} plates (need {MinCharacters:P0} and {MinExact:P0})");
    }
}
