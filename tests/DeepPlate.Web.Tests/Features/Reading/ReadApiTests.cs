using System.Net;
using System.Text.Json;
using DeepPlate.Formats;
using DeepPlate.Inference;

namespace DeepPlate.Web.Tests.Features.Reading;

public sealed class ReadApiTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    private static readonly Lazy<PlateReader> Direct = new(() => new PlateReader(ModelCatalog.Default, FormatRegistry.Default));

    private async Task<(HttpStatusCode Status, string Body)> Post(MultipartFormDataContent form)
    {
        using var client = fixture.App.CreateClient();
        var response = await client.PostAsync("/api/read", form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Error(string body) => JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;

    [Fact]
    public async Task Reads_a_synthetic_plate_and_answers_exactly_what_deepplate_read_json_prints()
    {
        var (png, corners) = Plates.Scene();
        var (status, body) = await Post(Plates.Form(png, Plates.Text(corners), "de"));
        Assert.Equal(HttpStatusCode.OK, status);
        var expected = ReadingJson.ToJson(Direct.Value.Read(new ReadRequest([new PlateFrame(PlateImage.Decode(png), PlateCorners.Parse(Plates.Text(corners)))], "de")));
        Assert.Equal(expected, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(60, json.RootElement.GetProperty("candidates").GetArrayLength());
        Assert.False(json.RootElement.GetProperty("frames")[0].GetProperty("wholeImage").GetBoolean());
    }

    [Fact]
    public async Task Without_corners_the_whole_picture_is_the_plate()
    {
        var (png, _) = Plates.Scene();
        var (status, body) = await Post(Plates.Form(png, null, "de"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("frames")[0].GetProperty("wholeImage").GetBoolean());
    }

    [Fact]
    public async Task A_chosen_format_is_applied()
    {
        var (png, corners) = Plates.Scene();
        var format = FormatRegistry.Default.Country("de").Templates[0].Id;
        var (status, body) = await Post(Plates.Form(png, Plates.Text(corners), "de", format: format));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(format, JsonDocument.Parse(body).RootElement.GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("not a picture at all", "the picture cannot be read: not a picture in a supported format")]
    [InlineData("", "no picture")]
    public async Task A_bad_picture_is_400_in_plain_words(string content, string words)
    {
        var (status, body) = await Post(Plates.Form(System.Text.Encoding.UTF8.GetBytes(content), null, "de"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(words, Error(body));
    }

    [Fact]
    public async Task A_truncated_png_is_400_in_plain_words()
    {
        var (png, _) = Plates.Scene();
        var (status, body) = await Post(Plates.Form(png[..(png.Length / 2)], null, "de"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("truncated", Error(body));
    }

    [Theory]
    [InlineData("1,1 2,2", "expected 4 points")]
    [InlineData("10,10 1,1 30,30 5,40", "the corners cannot be a plate's")]
    [InlineData("0,0 0,10 10,10 10,0", "counter-clockwise")]
    [InlineData("0,0 100000,0 100000,10 0,10", "outside the")]
    [InlineData("a,b c,d e,f g,h", "is not 'x,y'")]
    public async Task Bad_corners_are_400_in_plain_words(string corners, string words)
    {
        var (png, _) = Plates.Scene();
        var (status, body) = await Post(Plates.Form(png, corners, "de"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(words, Error(body));
    }

    [Theory]
    [InlineData("xx", null, null, "unknown country 'xx'")]
    [InlineData("de", null, "no-such-format", "unknown format 'no-such-format'")]
    [InlineData("de", "ca", null, "has no states")]
    public async Task Unknown_country_state_or_format_is_400_in_plain_words(string country, string? state, string? format, string words)
    {
        var (png, corners) = Plates.Scene();
        var (status, body) = await Post(Plates.Form(png, Plates.Text(corners), country, state, format));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(words, Error(body));
    }

    [Fact]
    public async Task A_country_without_a_model_is_503_saying_so()
    {
        var (png, corners) = Plates.Scene();
        var (status, body) = await Post(Plates.Form(png, Plates.Text(corners), "fr"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("plates of France cannot be read yet: there is no model for them on this server (models loaded: Germany)", Error(body));
        // The US: an unknown state is checked before the model is missing.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Post(Plates.Form(png, null, "us", "unknown"))).Status);
    }

    [Fact]
    public async Task Missing_country_or_a_body_that_is_not_a_form_is_400()
    {
        var (png, _) = Plates.Scene();
        using var noCountry = new MultipartFormDataContent { { new ByteArrayContent(png), "image", "p.png" } };
        var (status, body) = await Post(noCountry);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("no country", Error(body));

        using var client = fixture.App.CreateClient();
        var response = await client.PostAsync("/api/read", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart/form-data", Error(await response.Content.ReadAsStringAsync()));
    }
}
