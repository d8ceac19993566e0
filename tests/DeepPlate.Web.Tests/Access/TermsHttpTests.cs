using System.Net;
using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>The Terms and Conditions, enforced on every page and API call, over real HTTP.</summary>
public sealed class TermsHttpTests
{
    [Fact]
    public async Task A_new_user_must_accept_the_terms_before_anything_and_the_version_and_time_are_recorded()
    {
        using var app = ReaderApp.Default();
        var (_, licence, user) = await AccessSession.Seed(app, "Policía Nacional", "lucia", country: "es", acceptTerms: false);
        var (png, corners) = Plates.Scene();

        using var session = await AccessSession.LogIn(app, "lucia", "password-1");
        Assert.Equal("/terms", session.Last!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("accept-terms", session.LastPage);
        Assert.Equal("/terms", (await session.Client.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath);
        var api = await session.ReadApi(Plates.Form(png, Plates.Text(corners), "de", licence: licence.Id.ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("accept the Terms and Conditions", await AccessSession.Error(api));
        using var tool = app.CreateAnonymousClient();
        tool.DefaultRequestHeaders.Authorization = ReaderApp.Basic("lucia", "password-1");
        Assert.Equal(HttpStatusCode.Forbidden, (await tool.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de", licence: licence.Id.ToString()))).StatusCode);
        Assert.Equal(0, await AccessSession.Used(app, licence.Id, user.Id));

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var accepted = await session.Submit("/terms", []);
        Assert.Equal("/", accepted.RequestMessage!.RequestUri!.AbsolutePath);
        var recorded = (await app.Get<AccessAdmin>().FindUserAsync(user.Id))!;
        Assert.Equal(app.Get<AccessOptions>().TermsVersion, recorded.TermsVersion);
        Assert.InRange(recorded.TermsAcceptedAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await session.ReadApi(Plates.Form(png, Plates.Text(corners), "de", licence: licence.Id.ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tool.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de", licence: licence.Id.ToString()))).StatusCode);
    }

    [Fact]
    public async Task New_terms_must_be_accepted_again()
    {
        var database = TestStore.NewSqliteFile();
        var settings = new Dictionary<string, string?> { ["Access:Database"] = $"Data Source={database}", ["Access:TermsVersion"] = "2026-01" };
        (Institution, Licence, AccessUser) seeded;
        using (var first = new ReaderApp(settings))
        {
            seeded = await AccessSession.Seed(first, "Carabinieri", "giulia", country: "it");
            using var session = await AccessSession.LogIn(first, "giulia", "password-1");
            Assert.Equal("/", session.Last!.RequestMessage!.RequestUri!.AbsolutePath);
        }

        // The same accounts, served with a new version of the terms.
        settings["Access:TermsVersion"] = "2026-06";
        using (var second = new ReaderApp(settings))
        {
            using var session = await AccessSession.LogIn(second, "giulia", "password-1");
            Assert.Equal("/terms", session.Last!.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("""<span id="terms-version">2026-06</span>""", session.LastPage);
            await session.Submit("/terms", []);
            Assert.Equal("/", session.Last!.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal("2026-06", (await second.Get<AccessAdmin>().FindUserAsync(seeded.Item3.Id))!.TermsVersion);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { database, database + "-wal", database + "-shm" }) File.Delete(f);
    }
}
