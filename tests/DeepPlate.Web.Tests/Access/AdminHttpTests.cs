using System.Net;
using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>The admin area over real HTTP: administrators only, and what it sets up works.</summary>
public sealed class AdminHttpTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    private async Task<AccessSession> Administrator()
    {
        var admin = await AccessSession.LogIn(fixture.App, "admin", ReaderApp.AdminPassword);
        if (admin.Last!.RequestMessage!.RequestUri!.AbsolutePath == "/terms") await admin.Submit("/terms", []);
        return admin;
    }

    [Fact]
    public async Task A_reader_cannot_use_the_admin_area()
    {
        using var reader = await AccessSession.LogIn(fixture.App, ReaderApp.ReaderName, ReaderApp.ReaderPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.Client.GetAsync("/admin")).StatusCode);
        var token = System.Text.RegularExpressions.Regex.Match(await reader.Client.GetStringAsync("/"), """name="__RequestVerificationToken" type="hidden" value="([^"]+)""").Groups[1].Value;
        var post = await reader.Client.PostAsync("/admin?handler=Institution", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["name"] = "Rogue", ["country"] = "de",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain(await fixture.App.Get<AccessAdmin>().InstitutionsAsync(), i => i.Name == "Rogue");
    }

    [Fact]
    public async Task The_admin_page_shows_each_licence_s_uses_this_month_per_user()
    {
        var (institution, licence, _) = await AccessSession.Seed(fixture.App, "Polizia di Stato", "annalisa", usesPerSeat: 10);
        var store = fixture.App.Get<AccessAdmin>();
        var bruno = await store.CreateUserAsync("bruno", "password-1", institution.Id);
        await store.AssociateAsync(bruno.Id, licence.Id);
        await fixture.App.Get<TermsAcceptance>().AcceptAsync(bruno.Id);
        var (png, corners) = Plates.Scene();
        foreach (var (user, reads) in new[] { ("annalisa", 2), ("bruno", 1) })
        {
            using var tool = fixture.App.CreateAnonymousClient();
            tool.DefaultRequestHeaders.Authorization = ReaderApp.Basic(user, "password-1");
            for (var i = 0; i < reads; i++)
                Assert.Equal(HttpStatusCode.OK, (await tool.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de", licence: licence.Id.ToString()))).StatusCode);
        }
        using var admin = await Administrator();
        var page = await admin.Client.GetStringAsync("/admin");
        Assert.Contains($"""<td class="uses-this-month" data-licence="{licence.Id}">3 of 10: annalisa 2, bruno 1</td>""", page);
    }

    [Fact]
    public async Task The_administrator_sets_up_an_institution_a_licence_and_a_user_who_can_then_read()
    {
        using var admin = await Administrator();
        var store = fixture.App.Get<AccessAdmin>();

        await admin.Submit("/admin", new() { ["name"] = "Politie Utrecht", ["country"] = "NL" }, "Institution");
        Assert.Contains("institution &#x27;Politie Utrecht&#x27; created", admin.LastPage);
        var institution = (await store.InstitutionsAsync()).Single(i => i.Name == "Politie Utrecht");
        Assert.Equal("nl", institution.Country);

        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd");
        await admin.Submit("/admin", new() { ["institution"] = institution.Id.ToString(), ["name"] = "recherche", ["seats"] = "2", ["usesPerSeat"] = "3", ["activeUntil"] = until }, "Licence");
        var licence = Assert.Single(await store.LicencesAsync(institution.Id));
        Assert.Equal(6, licence.MonthlyUses);

        await admin.Submit("/admin", new() { ["userName"] = "Femke", ["password"] = "femke-password", ["institution"] = institution.Id.ToString() }, "User");
        var femke = (await store.UsersAsync()).Single(u => u.UserName == "femke");
        await admin.Submit("/admin", new() { ["user"] = femke.Id.ToString(), ["licences"] = licence.Id.ToString() }, "Licences");
        Assert.Equal([licence.Id], await store.AssociationsAsync(femke.Id));

        using var user = await AccessSession.LogIn(fixture.App, "femke", "femke-password");
        await user.Submit("/terms", []);
        Assert.Contains("""<b id="uses-left">6</b>""", user.LastPage);
        var (png, corners) = Plates.Scene();
        var read = await user.ReadApi(Plates.Form(png, Plates.Text(corners), "de", licence: licence.Id.ToString()));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("""<b id="uses-left">5</b>""", await user.Client.GetStringAsync("/"));

        // The plan ends yesterday: the user's next read is refused.
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd");
        await admin.Submit("/admin", new() { ["licence"] = licence.Id.ToString(), ["seats"] = "2", ["usesPerSeat"] = "3", ["activeUntil"] = yesterday }, "Plan");
        Assert.Equal(HttpStatusCode.Forbidden, (await user.ReadApi(Plates.Form(png, Plates.Text(corners), "de", licence: licence.Id.ToString()))).StatusCode);

        // A new password (which also lifts a lockout).
        await admin.Submit("/admin", new() { ["user"] = femke.Id.ToString(), ["password"] = "another-password" }, "Password");
        Assert.Contains("wrong user name or password", (await AccessSession.LogIn(fixture.App, "femke", "femke-password")).LastPage);
        Assert.Equal("/access", (await AccessSession.LogIn(fixture.App, "femke", "another-password")).Last!.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_refused_change_shows_its_reason()
    {
        using var admin = await Administrator();

        var duplicate = await admin.Submit("/admin", new() { ["name"] = "Test police", ["country"] = "de" }, "Institution");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("exists already", admin.LastPage);
        var foreign = await admin.Submit("/admin", new() { ["user"] = "1", ["licences"] = "999" }, "Licences");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("own institution", admin.LastPage);
    }
}
