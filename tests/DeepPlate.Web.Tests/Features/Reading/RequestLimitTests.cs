using System.Net;
using System.Text.Json;

namespace DeepPlate.Web.Tests.Features.Reading;

public sealed class RequestLimitTests
{
    [Fact]
    public async Task A_request_larger_than_the_limit_is_413_in_plain_words()
    {
        using var app = new ReaderApp(new Dictionary<string, string?> { ["Limits:MaxRequestBytes"] = "200000", ["Limits:ReadsPerWindow"] = "0" });
        using var client = app.CreateClient();
        var big = new byte[300_000];
        // Without Content-Length (chunked), so the limit is enforced while reading, not only from the header.
        var stream = new StreamContent(new MemoryStream(big));
        using var form = new MultipartFormDataContent { { stream, "image", "big.png" }, { new StringContent("de"), "country" } };
        var response = await client.PostAsync("/api/read", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());

        // With a Content-Length: refused before reading.
        using var sized = Plates.Form(big, null, "de");
        var refused = await client.PostAsync("/api/read", sized);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);

        // Within the limit the same app reads.
        var (png, corners) = Plates.Scene();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de"))).StatusCode);
    }
}
