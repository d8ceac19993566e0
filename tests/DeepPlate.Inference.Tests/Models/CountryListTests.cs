using DeepPlate.Formats;

namespace DeepPlate.Inference.Tests.Models;

public sealed class CountryListTests
{
    [Fact]
    public void Every_country_of_the_format_files_is_offered_and_those_without_a_model_are_marked()
    {
        // The fixtures: models for de and us only.
        var offers = CountryList.Of(FormatRegistry.Default, Fixtures.Catalog);
        Assert.Equal(FormatRegistry.Default.Countries.Select(c => c.Code), offers.Select(o => o.Code));
        Assert.Equal(["de", "us"], offers.Where(o => o.HasModel).Select(o => o.Code));
        Assert.Equal(["us"], offers.Where(o => o.HasStates).Select(o => o.Code));
        Assert.All(CountryList.Of(FormatRegistry.Default, null), o => Assert.False(o.HasModel));

        var described = CountryList.Describe(FormatRegistry.Default, Fixtures.Catalog);
        Assert.StartsWith("de Germany, es Spain (no model yet),", described);
        Assert.Contains("uk United Kingdom (also gb) (no model yet)", described);
        Assert.EndsWith("us United States", described);
        Assert.Equal(string.Join(' ', FormatRegistry.Default.Countries.Select(c => c.Code)) + " (gb = uk)", CountryList.Codes(FormatRegistry.Default));
    }
}
