using System.Net;
using System.Text.RegularExpressions;
using DeepPlate.Web.Access;
using DeepPlate.Web.Security;

namespace DeepPlate.Web.Tests.Access;

/// <summary>
/// A login cookie stops working when the session should end (logout, a password set by the administrator, a
/// lockout, the user removed, a licence taken away): the very cookie copied before the event is replayed after it.
/// </summary>
public sealed partial class SessionEndTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    private ReaderApp App => fixture.App;

    /// <summary>Logs in through the login form with a plain HttpClient and returns the login cookie's value.</summary>
    public static async Task<string> LoginCookie(ReaderApp app, string user, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.Address };
        var html = await client.GetStringAsync("/login");
        var token = WebUtility.HtmlDecode(FormToken().Match(html).Groups[1].Value);
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = user, ["password"] = password,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return cookies.GetCookies(app.Address)[AccessAuthentication.CookieName]?.Value ?? throw new InvalidOperationException($"{user} was not logged in");
    }

    /// <summary>Whether a request carrying only this cookie reaches the reader's page (200) rather than the login page.</summary>
    public static async Task<bool> Works(ReaderApp app, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/access");
        request.Headers.Add("Cookie", $"{AccessAuthentication.CookieName}={cookie}");
        var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.OriginalString.Replace(app.Address.ToString(), "/", StringComparison.Ordinal));
        return false;
    }

    private async Task<(AccessUser User, Licence Licence, string Cookie)> LoggedIn(string name)
    {
        var (_, licence, user) = await AccessSession.Seed(App, $"Institution of {name}", name);
        var cookie = await LoginCookie(App, name, "password-1");
        Assert.True(await Works(App, cookie), "a fresh login works");
        return (user, licence, cookie);
    }

    [Fact]
    public async Task A_cookie_nothing_happened_to_keeps_working()
    {
        var (_, _, cookie) = await LoggedIn("ines");
        var (_, _, other) = await LoggedIn("olaf");
        await App.Get<SecurityStamps>().RenewAsync((await App.Get<AccessAdmin>().UsersAsync()).Single(u => u.UserName == "olaf").Id);
        Assert.True(await Works(App, cookie));
        Assert.False(await Works(App, other));
    }

    [Fact]
    public async Task Logging_out_ends_the_old_cookie()
    {
        var (_, _, cookie) = await LoggedIn("lotte");
        using var session = await AccessSession.LogIn(App, "lotte", "password-1");
        await session.LogOut();
        Assert.False(await Works(App, cookie));
    }

    [Fact]
    public async Task A_password_set_by_the_administrator_ends_the_old_cookie()
    {
        var (user, _, cookie) = await LoggedIn("piet");
        await App.Get<AccessAdmin>().SetPasswordAsync(user.Id, "new-password-2");
        Assert.False(await Works(App, cookie));
        Assert.True(await Works(App, await LoginCookie(App, "piet", "new-password-2")));
    }

    [Fact]
    public async Task A_lockout_ends_the_old_cookie()
    {
        var (_, _, cookie) = await LoggedIn("quirin");
        var login = App.Get<AccountLogin>();
        for (var i = 0; i < 5; i++) await login.LoginAsync("quirin", "wrong-password");
        Assert.False(await Works(App, cookie));
    }

    [Fact]
    public async Task A_removed_user_s_cookie_ends()
    {
        var (user, _, cookie) = await LoggedIn("rita");
        using var admin = await AccessSession.LogIn(App, "admin", ReaderApp.AdminPassword);
        if (admin.Last!.RequestMessage!.RequestUri!.AbsolutePath == "/terms") await admin.Submit("/terms", []);
        await admin.Submit("/admin", new() { ["user"] = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Remove");
        Assert.Contains("user removed", admin.LastPage);
        Assert.False(await Works(App, cookie));
        // Gone from the list, cannot log in again, and its name stays taken.
        Assert.DoesNotContain(await App.Get<AccessAdmin>().UsersAsync(), u => u.UserName == "rita");
        Assert.Equal(LoginOutcome.Invalid, (await App.Get<AccountLogin>().LoginAsync("rita", "password-1")).Outcome);
        await Assert.ThrowsAsync<AccessAdminException>(() => App.Get<AccessAdmin>().CreateUserAsync("rita", "password-2", user.InstitutionId));
    }

    [Fact]
    public async Task A_licence_taken_away_ends_the_old_cookie()
    {
        var (user, licence, cookie) = await LoggedIn("sanne");
        await App.Get<AccessAdmin>().DissociateAsync(user.Id, licence.Id);
        Assert.False(await Works(App, cookie));
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)""")]
    private static partial Regex FormToken();
}
