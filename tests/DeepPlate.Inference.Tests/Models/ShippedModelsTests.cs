using DeepPlate.Formats;
using DeepPlate.Inference.Tests.Reading;
using DeepPlate.Synth;

namespace DeepPlate.Inference.Tests.Models;

/// <summary>
/// Every country with a model card (inference/models/&lt;code&gt;.md) ships a model (inference/models/, copied beside
/// the binaries), the catalog accepts it, and it reads clean synthetic plates of its country through the whole
/// reader: picture file, corners, rectification, ONNX Runtime, ranking. The bar is far below the accuracy targets
/// (docs/accuracy.md has those): it catches a missing, refused, swapped or broken model, where chance would read about
/// 3 % of characters. A country added to the format files without a card has no model yet: the reader must say so.
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
        foreach (var c in FormatRegistry.Default.Countries.Where(c => HasCard(c.Code))) data.Add(c.Code);
        return data;
    }

    /// <summary>The card is the committed word that a model ships: a card without its model fails below.</summary>
    private static bool HasCard(string country) => File.Exists(Path.Combine(ModelCards.Value, country + ".md"));

    private static readonly Lazy<string> ModelCards = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DeepPlate.sln"))) return Path.Combine(dir.FullName, "inference", "models");
        }
        throw new DirectoryNotFoundException("the repository root (DeepPlate.sln) is not above the test binaries");
    });

    [Fact]
    public void A_country_without_a_model_card_has_no_model_yet_and_the_reader_says_so()
    {
        foreach (var country in FormatRegistry.Default.Countries.Where(c => !HasCard(c.Code)))
        {
            var e = Assert.Throws<ModelUnavailableException>(() => ModelCatalog.Default.For(country.Code));
            Assert.Contains($"no model for {country.Name} ({country.Code}) yet", e.Message);
        }
        Assert.Contains(FormatRegistry.Default.Countries, c => HasCard(c.Code));
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
