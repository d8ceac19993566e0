using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>
/// A browser-like client of the access pages over real HTTP: it keeps cookies, reads the antiforgery token of each
/// form it is shown and posts the form back with it, as a browser would.
/// </summary>
public sealed partial class AccessSession(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    /// <summary>An anonymous session (no credentials, no cookies yet).</summary>
    public static AccessSession Anonymous(ReaderApp app) => new(app.CreateAnonymousClient());

    /// <summary>A session logged in through the login page (the answer to the login is in <see cref="Last"/>).</summary>
    public static async Task<AccessSession> LogIn(ReaderApp app, string user, string password)
    {
        var session = Anonymous(app);
        await session.Submit("/login", new() { ["userName"] = user, ["password"] = password });
        return session;
    }

    /// <summary>The last answer of <see cref="Submit"/>, after redirects, and its page.</summary>
    public HttpResponseMessage? Last { get; private set; }
    public string LastPage { get; private set; } = "";

    /// <summary>Opens <paramref name="page"/>, takes the antiforgery token of its form (of the form posting to
    /// <paramref name="handler"/>'s handler when given) and posts <paramref name="fields"/> with it.</summary>
    public async Task<HttpResponseMessage> Submit(string page, Dictionary<string, string> fields, string? handler = null)
    {
        var html = await client.GetStringAsync(page);
        var token = FormToken().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"{page} has a form with an antiforgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token);
        var target = handler is null ? page : $"{page}?handler={handler}";
        Last = await client.PostAsync(target, new FormUrlEncodedContent(fields));
        LastPage = await Last.Content.ReadAsStringAsync();
        return Last;
    }

    /// <summary>The logout button (a form on every page; /logout shows it alone).</summary>
    public Task<HttpResponseMessage> LogOut() => Submit("/logout", []);

    /// <summary>POST /api/read with this session's cookie.</summary>
    public Task<HttpResponseMessage> ReadApi(MultipartFormDataContent form) => client.PostAsync("/api/read", form);

    public static async Task<string> Error(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;

    /// <summary>An institution with one licence and a user of it (password "password-1"); the terms accepted unless
    /// <paramref name="acceptTerms"/> is false.</summary>
    public static async Task<(Institution Institution, Licence Licence, AccessUser User)> Seed(ReaderApp app, string institution, string user,
        string country = "de", int usesPerSeat = 50, DateOnly? activeUntil = null, bool acceptTerms = true)
    {
        var admin = app.Get<AccessAdmin>();
        var i = await admin.CreateInstitutionAsync(institution, country);
        var l = await admin.CreateLicenceAsync(i.Id, "main", 1, activeUntil ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), usesPerSeat);
        var u = await admin.CreateUserAsync(user, "password-1", i.Id);
        await admin.AssociateAsync(u.Id, l.Id);
        if (acceptTerms) await app.Get<TermsAcceptance>().AcceptAsync(u.Id);
        return (i, l, u);
    }

    /// <summary>This month's count of uses of a licence, from the database.</summary>
    public static async Task<long> Used(ReaderApp app, long licence, long user) =>
        (await app.Get<UseLedger>().ListAsync(user)).Single(l => l.Licence.Id == licence).Used;

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)""")]
    private static partial Regex FormToken();

    public void Dispose() => client.Dispose();
}
