using System.Net;
using System.Text.Json;

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
        // The results start on page 2: page 1 shows none of the candidates.
        var best = reading.GetProperty("candidates")[0].GetProperty("plate").GetString()!;
        Assert.DoesNotContain(best, pages[0]);
        Assert.Contains(best, string.Join(" ", pages.Skip(1)));
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
