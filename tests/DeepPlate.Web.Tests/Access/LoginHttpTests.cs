using System.Net;

namespace DeepPlate.Web.Tests.Access;

/// <summary>Login, lockout and logout over real HTTP.</summary>
public sealed class LoginHttpTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    private static string PathOf(HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath;

    [Fact]
    public async Task Pages_send_an_anonymous_visitor_to_the_login_page()
    {
        using var session = AccessSession.Anonymous(fixture.App);
        foreach (var page in new[] { "/", "/terms", "/access", "/admin" })
        {
            var response = await session.Client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("/login", PathOf(response));
            Assert.Contains("""<input id="password" name="password" type="password" """, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_right_password_leads_to_the_reader_and_logging_out_ends_the_session()
    {
        await AccessSession.Seed(fixture.App, "Landespolizei", "lena");
        using var session = await AccessSession.LogIn(fixture.App, "LENA", "password-1");

        Assert.Equal(HttpStatusCode.OK, session.Last!.StatusCode);
        Assert.Equal("/", PathOf(session.Last));
        Assert.Contains("""<b id="user-name">lena</b>""", session.LastPage);
        Assert.Contains("""<select id="licence">""", session.LastPage);

        var logout = await session.LogOut();
        Assert.Equal("/login", PathOf(logout));
        Assert.Equal("/login", PathOf(await session.Client.GetAsync("/")));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_are_refused_alike()
    {
        await AccessSession.Seed(fixture.App, "Guardia Civil", "pablo", country: "es");
        using var session = AccessSession.Anonymous(fixture.App);

        foreach (var (user, password) in new[] { ("pablo", "password-2"), ("nobody", "password-1") })
        {
            var response = await session.Submit("/login", new() { ["userName"] = user, ["password"] = password });
            Assert.Equal("/login", PathOf(response));
            Assert.Contains("wrong user name or password", session.LastPage);
        }
        Assert.Equal("/login", PathOf(await session.Client.GetAsync("/")));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_page_says_until_when()
    {
        await AccessSession.Seed(fixture.App, "Polizia di Stato", "marco", country: "it");
        using var session = AccessSession.Anonymous(fixture.App);

        for (var i = 0; i < 4; i++) await session.Submit("/login", new() { ["userName"] = "marco", ["password"] = "wrong" });
        Assert.Contains("wrong user name or password", session.LastPage);
        await session.Submit("/login", new() { ["userName"] = "marco", ["password"] = "wrong" });
        Assert.Contains("the account is locked until", session.LastPage);
        var right = await session.Submit("/login", new() { ["userName"] = "marco", ["password"] = "password-1" });
        Assert.Equal("/login", PathOf(right));
        Assert.Contains("the account is locked until", session.LastPage);
        Assert.Equal("/login", PathOf(await session.Client.GetAsync("/")));
    }

    [Fact]
    public async Task The_login_form_needs_its_antiforgery_token_and_only_returns_to_this_site()
    {
        await AccessSession.Seed(fixture.App, "Polismyndigheten", "sven", country: "se");
        using var session = AccessSession.Anonymous(fixture.App);

        var forged = await session.Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "sven", ["password"] = "password-1" }));
        // Refused without being done: the login page again, saying the form had expired (StaleFormRedirect), and no login.
        Assert.Equal("/login", PathOf(forged));
        Assert.Contains("This page had expired", await forged.Content.ReadAsStringAsync());
        Assert.Equal("/login", PathOf(await session.Client.GetAsync("/")));

        var login = await session.Submit("/login?returnUrl=https%3A%2F%2Fexample.org%2F", new() { ["userName"] = "sven", ["password"] = "password-1", ["returnUrl"] = "https://example.org/" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(fixture.App.Address.Host, login.RequestMessage!.RequestUri!.Host);
        Assert.Equal("/", PathOf(login));
    }
}
