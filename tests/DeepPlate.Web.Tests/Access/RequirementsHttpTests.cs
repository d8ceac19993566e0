using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>The page that says which requirement is missing, over real HTTP.</summary>
public sealed class RequirementsHttpTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    private async Task<AccessSession> Visit(string user)
    {
        var session = await AccessSession.LogIn(fixture.App, user, "password-1");
        Assert.Equal("/access", session.Last!.RequestMessage!.RequestUri!.AbsolutePath);
        return session;
    }

    [Fact]
    public async Task An_expired_plan_is_named()
    {
        await AccessSession.Seed(fixture.App, "Old force", "otto", activeUntil: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        using var session = await Visit("otto");

        Assert.Contains("""<li id="requirement-ActivePlan" class="missing">""", session.LastPage);
        Assert.Contains("""<li id="requirement-SupportedCountry" class="met">""", session.LastPage);
        Assert.Contains("""<li id="requirement-AcceptedTerms" class="met">""", session.LastPage);
        Assert.DoesNotContain("""<select id="licence">""", session.LastPage);
    }

    [Fact]
    public async Task An_unsupported_country_is_named_with_the_countries_served()
    {
        await AccessSession.Seed(fixture.App, "Police cantonale", "luc", country: "ch");
        using var session = await Visit("luc");

        Assert.Contains("""<li id="requirement-ActivePlan" class="met">""", session.LastPage);
        Assert.Contains("""<li id="requirement-SupportedCountry" class="missing">""", session.LastPage);
        Assert.Contains("de, es, fr, it, nl, se, uk, us", session.LastPage);
    }

    [Fact]
    public async Task A_user_without_licences_and_the_administrator_are_told_too()
    {
        var institution = await fixture.App.Get<AccessAdmin>().CreateInstitutionAsync("New force", "de");
        var user = await fixture.App.Get<AccessAdmin>().CreateUserAsync("nina", "password-1", institution.Id);
        await fixture.App.Get<TermsAcceptance>().AcceptAsync(user.Id);
        using var session = await Visit("nina");
        Assert.Contains("""<li id="requirement-ActivePlan" class="missing">""", session.LastPage);

        using var admin = await AccessSession.LogIn(fixture.App, "admin", ReaderApp.AdminPassword);
        await admin.Submit("/terms", []);
        Assert.Equal("/access", admin.Last!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("""<a href="/admin">Admin</a>""", admin.LastPage);
    }
}
