using System.Net;

namespace DeepPlate.Web.Tests.Security;

public sealed class SecurityHeadersTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    public static TheoryData<string, string, int> Requests => new()
    {
        { "GET", "/", 200 },
        { "GET", "/healthz", 200 },
        { "GET", "/css/site.css", 200 },
        { "GET", "/js/app.js", 200 },
        { "GET", "/templates/de/no-such.png", 404 },
        { "GET", "/openapi/v1.json", 200 },
        { "GET", "/no/such/page", 404 },
        { "POST", "/api/read", 400 },
        { "POST", "/read", 400 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_response_carries_the_security_headers(string method, string path, int status)
    {
        using var client = fixture.App.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = Plates.Form([1, 2, 3], null, "de");
        var response = await client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        foreach (var part in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob: data:", "frame-ancestors 'none'", "object-src 'none'" })
        {
            Assert.Contains(part, csp);
        }
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"));
        if (method == "POST") Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Read_answers_are_never_cached()
    {
        using var client = fixture.App.CreateClient();
        var (png, corners) = Plates.Scene();
        var response = await client.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
