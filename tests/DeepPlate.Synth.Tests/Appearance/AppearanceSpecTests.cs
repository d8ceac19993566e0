using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Appearance;

/// <summary>synth/appearance.jsonc: every key required, no other allowed, values in range, errors naming the key.</summary>
public sealed class AppearanceSpecTests
{
    [Fact]
    public void The_shipped_spec_loads_and_turns_every_variation_on()
    {
        var spec = AppearanceSpec.Default;
        Assert.NotEqual(AppearanceSpec.Plain.BoxFraming, spec.BoxFraming);
        Assert.All(new[] { spec.BoxFraming, spec.Inverted, spec.Shadow, spec.Glare, spec.EasyShare, spec.Footer }, s => Assert.InRange(s, 0.01, 1));
        Assert.InRange(spec.LumaJitter, 0.01, 0.99);
        Assert.Same(AppearanceSpec.Plain, AppearanceSpec.Resolve("plain"));
        Assert.Same(AppearanceSpec.Default, AppearanceSpec.Resolve("default"));
    }

    [Theory]
    [InlineData("\"inverted\": 0.08,", "", "inverted: is required")]
    [InlineData("\"inverted\": 0.08,", "\"inverted\": 0.08, \"sparkle\": 1,", "sparkle")]
    [InlineData("\"inverted\": 0.08,", "\"inverted\": 1.5,", "inverted: a share runs from 0 to 1")]
    [InlineData("\"lumaJitter\": 0.5,", "\"lumaJitter\": 1,", "lumaJitter: runs from 0 to below 1")]
    [InlineData("\"shadowDepth\": [0.25, 0.7],", "\"shadowDepth\": [0.7, 0.25],", "shadowDepth: expected [low, high]")]
    [InlineData("\"boxRollDeg\": [-20, 20],", "\"boxRollDeg\": [-90, 20],", "boxRollDeg: expected [low, high]")]
    [InlineData("\"embossOffset\": [0.01, 0.03],", "\"embossOffset\": [0.03, 0.01],", "embossOffset: expected [low, high]")]
    [InlineData("\"lettering\": 0.7,", "\"lettering\": 2,", "lettering: a share runs from 0 to 1")]
    [InlineData("\"templateTemper\": 0.5,", "\"templateTemper\": 0,", "templateTemper: a power above 0 and at most 1")]
    [InlineData("\"templateTemper\": 0.5,", "\"templateTemper\": 1.5,", "templateTemper: a power above 0 and at most 1")]
    [InlineData("\"tightMargin\": [-0.05, 0.3],", "\"tightMargin\": [-0.5, 0.3],", "tightMargin: expected [low, high]")]
    [InlineData("\"tightCrop\": 0.1,", "\"tightCrop\": 1.1,", "tightCrop: a share runs from 0 to 1")]
    [InlineData("\"recompressQuality\": [30, 90],", "\"recompressQuality\": [0, 90],", "recompressQuality: expected [low, high]")]
    [InlineData("\"interlaceShift\": [0.003, 0.015],", "\"interlaceShift\": [0.003, 0.3],", "interlaceShift: expected [low, high]")]
    [InlineData("\"squashFactor\": [0.5, 1.8],", "\"squashFactor\": [0, 1.8],", "squashFactor: expected [low, high]")]
    [InlineData("\"squash\": 0.15,", "\"squash\": 1.5,", "squash: a share runs from 0 to 1")]
    [InlineData("\"emblemText\": 0.5,", "\"emblemText\": 2,", "emblemText: a share runs from 0 to 1")]
    [InlineData("\"vignette\": 0.15,", "\"vignette\": -1,", "vignette: a share runs from 0 to 1")]
    [InlineData("\"overexposureGain\": [1.5, 4],", "\"overexposureGain\": [0.5, 4],", "overexposureGain: expected [low, high]")]
    [InlineData("\"looseGap\": 0.3,", "\"looseGap\": -0.1,", "looseGap: a share runs from 0 to 1")]
    [InlineData("\"glyphBoldness\": [0.01, 0.035],", "\"glyphBoldness\": [0.01, 0.2],", "glyphBoldness: expected [low, high]")]
    public void A_broken_spec_is_refused_naming_the_key(string find, string replace, string message)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, AppearanceSpec.FileName));
        Assert.Contains(find, text);
        var e = Assert.Throws<FormatFileException>(() => AppearanceSpec.Parse(text.Replace(find, replace), "test.jsonc"));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("test.jsonc", e.Message);
    }

    [Fact]
    public void A_missing_file_is_refused() =>
        Assert.Throws<FormatFileException>(() => AppearanceSpec.Resolve(Path.Combine(Path.GetTempPath(), "no-such-appearance.jsonc")));
}
