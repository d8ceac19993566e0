using System.Net;
using System.Text.RegularExpressions;

namespace DeepPlate.Web.Tests;

/// <summary>A browser-like client of the page: it holds the antiforgery cookie the page set and the token the page
/// carries, and sends reads as the page's script does.</summary>
public sealed partial class PageSession(HttpClient client, string token) : IDisposable
{
    public HttpClient Client => client;

    public string Token => token;

    public static async Task<PageSession> Open(ReaderApp app)
    {
        var client = app.CreateClient();
        var html = await client.GetStringAsync("/");
        return new PageSession(client, WebUtility.HtmlDecode(TokenMeta().Match(html).Groups[1].Value));
    }

    /// <summary>POST /read with the token in its header.</summary>
    public Task<HttpResponseMessage> Read(MultipartFormDataContent form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/read") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return client.SendAsync(request);
    }

    [GeneratedRegex("""<meta name="csrf-token" content="([^"]{20,})">""")]
    public static partial Regex TokenMeta();

    public void Dispose() => client.Dispose();
}
