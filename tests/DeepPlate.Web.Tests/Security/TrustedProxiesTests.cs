using System.Net;
using System.Text.RegularExpressions;
using DeepPlate.Web.Security;

namespace DeepPlate.Web.Tests.Security;

/// <summary>X-Forwarded-For and -Proto count only from the configured proxies (the tests' client is 127.0.0.1).</summary>
public sealed partial class TrustedProxiesTests
{
    private static ReaderApp App(bool trustLoopback) => new(new Dictionary<string, string?>
    {
        ["Limits:ReadsPerWindow"] = "1", ["Limits:RateWindowSeconds"] = "600",
        ["Proxies:Addresses:0"] = trustLoopback ? "127.0.0.1" : null,
    });

    /// <summary>An (empty, so refused) read as relayed by a proxy for <paramref name="client"/>: 400 unless the rate limit stops it first.</summary>
    private static async Task<HttpStatusCode> ReadFor(ReaderApp app, string client)
    {
        using var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/read") { Content = new StringContent("") };
        request.Headers.Add("X-Forwarded-For", client);
        return (await http.SendAsync(request)).StatusCode;
    }

    /// <summary>The login cookie's Set-Cookie header for a login relayed as HTTPS.</summary>
    private static async Task<string> LoginCookieOverHttps(ReaderApp app)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.Address };
        var form = await http.GetAsync("/login");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("deepplate-csrf=", StringComparison.Ordinal)).Split(';')[0];
        var token = WebUtility.HtmlDecode(FormToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["userName"] = ReaderApp.ReaderName, ["password"] = ReaderApp.ReaderPassword }),
        };
        request.Headers.Add("Cookie", antiforgery);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.50");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccessAuthentication.CookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_configured_proxy_s_forwarded_address_and_scheme_are_used()
    {
        using var app = App(trustLoopback: true);
        Assert.Equal(HttpStatusCode.BadRequest, await ReadFor(app, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ReadFor(app, "203.0.113.1"));
        // Another client behind the same proxy has its own count.
        Assert.Equal(HttpStatusCode.BadRequest, await ReadFor(app, "203.0.113.2"));
        Assert.Contains("; secure", await LoginCookieOverHttps(app), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        using var app = App(trustLoopback: false);
        Assert.Equal(HttpStatusCode.BadRequest, await ReadFor(app, "203.0.113.1"));
        // The claimed address changes nothing: the connection's address is counted.
        Assert.Equal(HttpStatusCode.TooManyRequests, await ReadFor(app, "203.0.113.2"));
        Assert.DoesNotContain("; secure", await LoginCookieOverHttps(app), StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)""")]
    private static partial Regex FormToken();
}
