using System.Net;
using System.Text.Json;

namespace DeepPlate.Web.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Reads_beyond_the_configured_limit_are_429_in_plain_words()
    {
        using var app = new ReaderApp(new Dictionary<string, string?> { ["Limits:ReadsPerWindow"] = "3", ["Limits:RateWindowSeconds"] = "600" });
        using var client = app.CreateClient();
        var (png, corners) = Plates.Scene();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de"))).StatusCode);
        }
        var refused = await client.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.StartsWith("too many reads", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal("600", refused.Headers.RetryAfter?.ToString());
        // The page's read shares the limit; pages and pictures do not count.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/read", Plates.Form(png, null, "de"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
