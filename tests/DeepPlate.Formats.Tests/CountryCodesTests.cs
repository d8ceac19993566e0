namespace DeepPlate.Formats.Tests;

public class CountryCodesTests
{
    [Fact]
    public void The_list_names_every_code_in_order_then_each_alias_with_its_country()
    {
        Assert.Equal("de es fr it nl se uk us; gb = uk", CountryCodes.List(FormatRegistry.Default));
    }

    [Fact]
    public void A_country_is_listed_because_its_data_file_is_there()
    {
        var copy = Path.Combine(Path.GetTempPath(), "deepplate-country-codes", Guid.NewGuid().ToString("N"));
        var source = FormatRegistry.Default.Directory;
        try
        {
            foreach (var file in Directory.GetFiles(source, "*.jsonc", SearchOption.AllDirectories))
            {
                if (Path.GetFileName(file) == "nl.jsonc") continue;
                var target = Path.Combine(copy, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            Assert.Contains("nl", Codes(CountryCodes.List(FormatRegistry.Default)));
            var without = Codes(CountryCodes.List(FormatRegistry.Load(copy)));
            Assert.DoesNotContain("nl", without);
            Assert.Equal(FormatRegistry.Default.Countries.Count - 1, without.Length);
        }
        finally
        {
            if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
        }
    }

    private static string[] Codes(string list) => list.Split(';')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
