using System.Net;
using System.Text.Json;
using DeepPlate.Inference.Report;

namespace DeepPlate.Web.Tests.Features.Reading;

/// <summary>The page's own read request: antiforgery token in the header, the reading and the PDF in one answer.</summary>
public sealed class ReadPageTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    [Fact]
    public async Task The_page_read_answers_the_reading_and_the_report_in_one_response()
    {
        using var page = await PageSession.Open(fixture.App);
        var (png, corners) = Plates.Scene();
        using var form = Plates.Form(png, Plates.Text(corners), "de", fileName: "frame 12.png");
        form.Add(new StringContent("B AB 1234"), "examinerReading");
        form.Add(new StringContent("Fall 2026/0417"), "caseReference");
        form.Add(new StringContent("KOK Weiß"), "examiner");
        var response = await page.Read(form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(body);
        Assert.Equal("frame 12.png", json.RootElement.GetProperty("fileName").GetString());
        var reading = json.RootElement.GetProperty("reading");
        Assert.Equal(60, reading.GetProperty("candidates").GetArrayLength());
        Assert.Equal("de", reading.GetProperty("country").GetString());
        var pdf = json.RootElement.GetProperty("pdf").GetBytesFromBase64();
        var pages = Pdf.PageTexts(pdf);
        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        Assert.Contains("frame 12.png", pages[0]);
        Assert.Contains("B AB 1234", pages[0]);
        Assert.Contains("Fall 2026/0417", pages[0]);
        Assert.Contains("KOK Weiß", pages[0]);
        // The results start on page 2: page 1 shows none of the candidates.
        var best = reading.GetProperty("candidates")[0].GetProperty("plate").GetString()!;
        Assert.DoesNotContain(best, pages[0]);
        Assert.Contains(best, string.Join(" ", pages.Skip(1)));
    }

    [Fact]
    public async Task The_page_gets_every_confidence_written_by_the_reports_rule()
    {
        using var page = await PageSession.Open(fixture.App);
        var (png, corners) = Plates.Scene();
        var response = await page.Read(Plates.Form(png, Plates.Text(corners), "de"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reading = json.RootElement.GetProperty("reading");
        var percent = json.RootElement.GetProperty("percent");
        // Characters' confidences are floats in the reading (written as floats' shortest text): read them back as such.
        static void Same(JsonElement values, JsonElement texts, bool single = false)
        {
            Assert.Equal(values.GetArrayLength(), texts.GetArrayLength());
            for (var i = 0; i < values.GetArrayLength(); i++)
                Assert.Equal(ConfidenceText.Percent(single ? values[i].GetProperty("confidence").GetSingle() : values[i].GetProperty("confidence").GetDouble()), texts[i].GetString());
        }
        Same(reading.GetProperty("candidates"), percent.GetProperty("candidates"));
        Same(reading.GetProperty("valid"), percent.GetProperty("valid"));
        var positions = reading.GetProperty("positions");
        Assert.Equal(positions.GetArrayLength(), percent.GetProperty("positions").GetArrayLength());
        for (var i = 0; i < positions.GetArrayLength(); i++) Same(positions[i], percent.GetProperty("positions")[i], single: true);
        // The tail of the 60 is tiny: the rule's scientific notation is what the page receives.
        Assert.Contains(percent.GetProperty("candidates").EnumerateArray(), t => t.GetString()!.Contains('E'));
    }

    [Fact]
    public async Task The_page_read_without_its_antiforgery_token_is_400()
    {
        using var page = await PageSession.Open(fixture.App);
        var client = page.Client;
        var (png, corners) = Plates.Scene();
        var response = await client.PostAsync("/read", Plates.Form(png, Plates.Text(corners), "de"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("security token", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/read") { Content = Plates.Form(png, Plates.Text(corners), "de") };
        forged.Headers.Add("X-CSRF-TOKEN", "CfDJ8-not-a-token");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_pages_cookie_is_400()
    {
        string token;
        using (var page = await PageSession.Open(fixture.App)) token = page.Token;
        using var other = fixture.App.CreateClient();
        var (png, corners) = Plates.Scene();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/read") { Content = Plates.Form(png, Plates.Text(corners), "de") };
        request.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.SendAsync(request)).StatusCode);
    }
}
