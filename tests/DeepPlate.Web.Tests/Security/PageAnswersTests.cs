using System.Collections.Concurrent;
using System.Net;
using DeepPlate.Web.Tests.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepPlate.Web.Tests.Security;

/// <summary>Pages answer as pages: a stale form, a page the account may not see, and no warning in the log for an
/// ordinary page view.</summary>
public sealed class PageAnswersTests
{
    [Fact]
    public async Task A_form_with_a_stale_token_comes_back_as_its_page_saying_so()
    {
        using var app = ReaderApp.Default();
        using var session = AccessSession.Anonymous(app);
        await session.Client.GetStringAsync("/login"); // the form's antiforgery cookie, as a browser holds it
        // A token the server's keys no longer know (a page left open across a restart): what the form posts back.
        var response = await session.Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "CfDJ8Bx-a-token-of-a-key-that-is-gone", ["userName"] = ReaderApp.ReaderName, ["password"] = ReaderApp.ReaderPassword,
        }));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("id=\"expired\"", page);
        Assert.Contains("This page had expired", page);
        Assert.Contains("<form", page);

        // The same for a logged-in user's form (the logout button).
        using var reader = await AccessSession.LogIn(app, ReaderApp.ReaderName, ReaderApp.ReaderPassword);
        var logout = await reader.Client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "CfDJ8Bx-stale" }));
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Contains("This page had expired", await logout.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reader_opening_the_admin_area_gets_a_page_saying_it_is_not_allowed()
    {
        using var app = ReaderApp.Default();
        using var reader = await AccessSession.LogIn(app, ReaderApp.ReaderName, ReaderApp.ReaderPassword);
        var response = await reader.Client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("not allowed", page);
        Assert.Contains("<header>", page); // the site's own page, with the account and the logout button
        Assert.Contains("id=\"logout\"", page);
    }

    [Fact]
    public async Task Viewing_the_pages_logs_no_warning()
    {
        var lines = new ConcurrentQueue<string>();
        using var app = new ReaderApp(new Dictionary<string, string?> { ["Limits:ReadsPerWindow"] = "0", ["Models:Directory"] = null },
            b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(new CollectingLoggerProvider(lines)))));
        lines.Clear(); // what starting logged (the models) is not the subject
        using var reader = await AccessSession.LogIn(app, ReaderApp.ReaderName, ReaderApp.ReaderPassword);
        foreach (var path in new[] { "/", "/access", "/terms", "/logout", "/" }) Assert.Equal(HttpStatusCode.OK, (await reader.Client.GetAsync(path)).StatusCode);
        using var anonymous = AccessSession.Anonymous(app);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Client.GetAsync("/login")).StatusCode);
        var warnings = lines.Where(l => l.Contains(": Warning: ") || l.Contains(": Error: ") || l.Contains(": Critical: ")).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }
}
