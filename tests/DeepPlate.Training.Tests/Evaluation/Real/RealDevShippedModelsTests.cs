using System.Text.Json;
using DeepPlate.Inference;
using DeepPlate.Training.Commands;

namespace DeepPlate.Training.Tests.Evaluation.Real;

/// <summary>
/// When the real-photo development set is here: no shipped model reads it worse (clean, per-character, over all of
/// its country's sources) than the model it replaced, whose figures inference/models/real-replaced.json keeps.
/// </summary>
public sealed class RealDevShippedModelsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-realdev-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [RealDevFact]
    public void No_shipped_model_reads_the_real_set_worse_than_the_one_it_replaced()
    {
        var replaced = Replaced();
        var outcome = RealEvalCommand.Run(new RealEvalCommand.Settings(RealDev.Manifest!, ModelCatalog.DefaultDirectory, null, "", dir, 2, null, Galleries: false), TextWriter.Null);
        Assert.NotEmpty(replaced);
        foreach (var (country, before) in replaced)
        {
            var now = outcome.Document.Groups.Single(g => g.Source == "all" && g.Country == country && g.Condition == "clean");
            Assert.Equal(before.Photos, now.Photos - now.Errors);
            Assert.True(now.CharAccuracy >= before.CharAccuracy - 1e-6,
                $"{country}: the shipped model reads {now.CharAccuracy:P1} of the characters, the one it replaced ({before.Model}) read {before.CharAccuracy:P1}");
        }
    }

    private sealed record Figures(string Model, int Photos, double CharAccuracy, double Exact, double Top60);

    private static Dictionary<string, Figures> Replaced()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "models", "real-replaced.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        return json.RootElement.GetProperty("countries").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.Deserialize<Figures>(options)!);
    }
}
