using System.Text.Json;

namespace DeepPlate.Inference.Tests.Reading;

public sealed class ReadingJsonTests
{
    private static DeepPlate.Inference.Reading With(params ValidPlate[] valid) => new(
        "se-test", "abc", new ModelInfo("se", "0123456789ABC", 6, 32, 128, "sha", 1, 0, 0, "test"), "se", null, null,
        [], [], [], [], new ValidResult(valid, true, [], []));

    [Fact]
    public void A_marked_valid_plate_carries_its_prior_and_notes_and_an_ordinary_one_only_the_usual_fields()
    {
        var json = ReadingJson.ToJson(With(
            new ValidPlate("ABC 123", "ABC123", "current", "Current", 0.4, [], 1),
            new ValidPlate("MLB 456", "MLB456", "current", "Current", 0.6, ["specimen plate: MLB is reserved for examples"], 0.05)));
        var valid = JsonDocument.Parse(json).RootElement.GetProperty("valid");
        var ordinary = valid[0];
        Assert.Equal(["plate", "compact", "template", "name", "confidence"], ordinary.EnumerateObject().Select(p => p.Name));
        var marked = valid[1];
        Assert.Equal(0.6, marked.GetProperty("confidence").GetDouble());
        Assert.Equal(0.05, marked.GetProperty("prior").GetDouble());
        Assert.Equal(["specimen plate: MLB is reserved for examples"], marked.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
    }
}
