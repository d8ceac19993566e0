using DeepPlate.Inference;

namespace DeepPlate.Inference.Tests.Models;

public sealed class ModelInfoTests
{
    private static readonly ModelInfo Sample = new("de", "0123456789ABC", 9, 32, 128, "abc123", 1.37, 0.08, 0.01, "100000 samples");

    [Fact]
    public void MetadataRoundTrips()
    {
        var metadata = Sample.ToMetadata().ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(Sample, ModelInfo.FromMetadata(metadata, "x.onnx"));
    }

    [Fact]
    public void TheDataSpecHashesRoundTripAndAreAbsentFromOlderFiles()
    {
        var recorded = Sample with { DegradationsSha256 = "d1", AppearanceSha256 = "a2" };
        var metadata = recorded.ToMetadata().ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("d1", metadata["deepplate.degradations_sha256"]);
        Assert.Equal("a2", metadata["deepplate.appearance_sha256"]);
        Assert.Equal(recorded, ModelInfo.FromMetadata(metadata, "x.onnx"));

        // A file written before they were recorded has neither key, and is read with neither hash.
        Assert.DoesNotContain(Sample.ToMetadata(), p => p.Key.Contains("degradations") || p.Key.Contains("appearance"));
        var older = ModelInfo.FromMetadata(Sample.ToMetadata().ToDictionary(p => p.Key, p => p.Value), "x.onnx");
        Assert.Null(older.DegradationsSha256);
        Assert.Null(older.AppearanceSha256);
    }

    [Fact]
    public void MissingKeyNamesTheKeyAndTheFile()
    {
        var metadata = Sample.ToMetadata().Where(p => p.Key != "deepplate.slots").ToDictionary(p => p.Key, p => p.Value);
        var e = Assert.Throws<InvalidDataException>(() => ModelInfo.FromMetadata(metadata, "x.onnx"));
        Assert.Contains("x.onnx", e.Message);
        Assert.Contains("deepplate.slots", e.Message);
    }

    [Fact]
    public void MalformedNumberIsRejected()
    {
        var metadata = Sample.ToMetadata().ToDictionary(p => p.Key, p => p.Value);
        metadata["deepplate.input_width"] = "wide";
        Assert.Throws<InvalidDataException>(() => ModelInfo.FromMetadata(metadata, "x.onnx"));
    }
}
