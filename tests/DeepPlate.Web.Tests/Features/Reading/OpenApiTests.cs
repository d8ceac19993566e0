using System.Text.Json;

namespace DeepPlate.Web.Tests.Features.Reading;

public sealed class OpenApiTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    [Fact]
    public async Task The_openapi_document_describes_api_read_with_its_multipart_fields_and_answers()
    {
        using var client = fixture.App.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");
        var read = paths.GetProperty("/api/read").GetProperty("post");
        var schema = read.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        var fields = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["image", "corners", "country", "state", "format", "licence"], fields);
        Assert.Equal("binary", schema.GetProperty("properties").GetProperty("image").GetProperty("format").GetString());
        var answers = read.GetProperty("responses").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["200", "400", "401", "403", "404", "413", "429", "503"], answers);
        // The page's own endpoint and the pictures are not part of the tools' API.
        Assert.False(paths.TryGetProperty("/read", out _));
    }

    [Fact]
    public async Task The_country_field_lists_every_country_of_the_format_files_and_marks_those_without_a_model()
    {
        using var client = fixture.App.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var properties = json.RootElement.GetProperty("paths").GetProperty("/api/read").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        var country = properties.GetProperty("country").GetProperty("description").GetString()!;
        // The fixture's app loads the German model only.
        foreach (var c in DeepPlate.Formats.FormatRegistry.Default.Countries)
        {
            Assert.Contains(c.Code == "de" ? "de Germany," : $"{c.Code} {c.Name}", country);
            if (c.Code != "de") Assert.Contains($"{c.Name} (no model yet)", country.Replace(" (also gb)", ""));
        }
        Assert.DoesNotContain("Germany (no model yet)", country);
        Assert.Contains("also gb", country);
        Assert.Contains("us", properties.GetProperty("state").GetProperty("description").GetString());
    }
}
