using DeepPlate.Formats;

namespace DeepPlate.Inference.Tests.Models;

public sealed class ModelCatalogTests
{
    private static string CopyFixtures(params string[] countries)
    {
        var folder = Fixtures.TempFolder();
        foreach (var c in countries) File.Copy(Path.Combine(Fixtures.Directory, c + ".onnx"), Path.Combine(folder, c + ".onnx"));
        return folder;
    }

    /// <summary>A copy of the format files the tests run with, to edit.</summary>
    private static string CopyFormatFiles()
    {
        var formats = Fixtures.TempFolder();
        var source = Path.Combine(AppContext.BaseDirectory, "formats");
        foreach (var file in Directory.GetFiles(source, "*.jsonc", SearchOption.AllDirectories))
        {
            var target = Path.Combine(formats, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return formats;
    }

    [Fact]
    public void LoadsEveryModelOfTheFolderWithItsMetadata()
    {
        var catalog = Fixtures.Catalog;
        Assert.Empty(catalog.Refused);
        Assert.Equal(["de", "us"], catalog.Models.Select(m => m.Info.Country));
        var de = catalog.For("DE");
        Assert.Equal(ModelAlphabet.For(FormatRegistry.Default.Country("de")).Characters, de.Info.Alphabet);
        Assert.Equal(64, de.Sha256.Length);
        Assert.Equal("de-" + de.Sha256[..12], de.Id);
        Assert.Same(de, catalog.For("de"));
    }

    [Fact]
    public void ACountryWithoutAModelIsAClearError()
    {
        var e = Assert.Throws<ModelUnavailableException>(() => Fixtures.Catalog.For("gb"));
        Assert.Contains("no model for United Kingdom (uk)", e.Message);
        Assert.Contains(Fixtures.Directory, e.Message);
        Assert.Throws<UnknownCountryException>(() => Fixtures.Catalog.For("xx"));
    }

    [Fact]
    public void AMissingFolderIsAnEmptyCatalog()
    {
        using var catalog = ModelCatalog.Load(Path.Combine(Fixtures.TempFolder(), "none"), FormatRegistry.Default);
        Assert.Empty(catalog.Models);
        Assert.Contains("no model for", Assert.Throws<ModelUnavailableException>(() => catalog.For("de")).Message);
    }

    [Fact]
    public void AModelTrainedAgainstEarlierFormatFilesServesWithANote()
    {
        // The same format files with one comment more in de.jsonc: another SHA-256 for Germany only.
        var formats = CopyFormatFiles();
        File.AppendAllText(Path.Combine(formats, "de.jsonc"), "\n// edited after the model was trained\n");
        var registry = FormatRegistry.Load(formats);

        using var catalog = ModelCatalog.Load(Fixtures.Directory, registry, threads: 1);
        Assert.Equal(["de", "us"], catalog.Models.Select(m => m.Info.Country));
        Assert.Empty(catalog.Refused);
        // A note for Germany; any other country's notes are those of the unedited files.
        var note = Assert.Single(catalog.Notes, n => n.Country == "de");
        Assert.Equal(Fixtures.Catalog.Notes.Count(n => n.Country != "de"), catalog.Notes.Count(n => n.Country != "de"));
        Assert.Contains("de.onnx", note.Note);
        Assert.Contains("trained against other format files of Germany", note.Note);
        Assert.Equal("de", catalog.For("de").Info.Country);
    }

    [Fact]
    public void AModelWhoseAlphabetNoLongerFitsTheEditedFormatFilesIsRefused()
    {
        // Format files that add a character to Germany's letters: the network cannot emit it, so it cannot serve.
        var formats = CopyFormatFiles();
        var de = Path.Combine(formats, "de.jsonc");
        File.WriteAllText(de, File.ReadAllText(de).Replace("\"code\": \"de\",", "\"code\": \"de\",\n  \"letters\": \"A-Z\u00C5\","));
        var registry = FormatRegistry.Load(formats);
        Assert.Contains('\u00C5', ModelAlphabet.For(registry.Country("de")).Characters);

        using var catalog = ModelCatalog.Load(Fixtures.Directory, registry, threads: 1);
        Assert.Equal(["us"], catalog.Models.Select(m => m.Info.Country));
        Assert.Contains("slots of", Assert.Single(catalog.Refused).Reason);
    }

    [Theory]
    [InlineData("deepplate.alphabet", "0123456789", "tensor 'probs'")]
    [InlineData("deepplate.country", "zz", "country 'zz'")]
    [InlineData("deepplate.slots", null, "metadata 'deepplate.slots' is missing")]
    [InlineData("deepplate.input_width", "64", "tensor 'input'")]
    [InlineData("deepplate.slots", "9", "tensor 'probs'")]
    public void AModelWhoseMetadataIsMissingOrWrongIsRefusedWithTheReason(string key, string? value, string reason)
    {
        var folder = Fixtures.TempFolder();
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Directory, "de.onnx"));
        File.WriteAllBytes(Path.Combine(folder, "de.onnx"), Fixtures.EditMetadata(bytes, (k, v) => k == key ? value : v));
        using var catalog = ModelCatalog.Load(folder, FormatRegistry.Default, threads: 1);
        Assert.Empty(catalog.Models);
        Assert.Contains(reason, Assert.Single(catalog.Refused).Reason);
        Assert.Contains(reason, Assert.ThrowsAny<Exception>(() => catalog.For("de")).Message);
    }

    [Fact]
    public void TheAlphabetIsCheckedAgainstTheFormatFiles()
    {
        // Right format hash, wrong alphabet: a model exported by a buggy exporter.
        var info = Fixtures.Catalog.For("de").Info with { Alphabet = "0123456789" };
        Assert.Contains("slots of '0123456789'", ModelCatalog.Mismatch(info, FormatRegistry.Default, "x.onnx"));
        Assert.Null(ModelCatalog.Mismatch(Fixtures.Catalog.For("de").Info, FormatRegistry.Default, "x.onnx"));
    }

    [Fact]
    public void NotAModelAndASecondModelForACountryAreRefused()
    {
        var folder = CopyFixtures("de");
        File.Copy(Path.Combine(folder, "de.onnx"), Path.Combine(folder, "de2.onnx"));
        File.WriteAllText(Path.Combine(folder, "broken.onnx"), "not a model");
        using var catalog = ModelCatalog.Load(folder, FormatRegistry.Default, threads: 1);
        Assert.Equal("de.onnx", Path.GetFileName(Assert.Single(catalog.Models).Path));
        Assert.Equal(2, catalog.Refused.Count);
        Assert.Contains(catalog.Refused, r => r.File.EndsWith("broken.onnx") && r.Reason.Contains("not a readable ONNX model"));
        Assert.Contains(catalog.Refused, r => r.File.EndsWith("de2.onnx") && r.Reason.Contains("a second model for de"));
    }
}
