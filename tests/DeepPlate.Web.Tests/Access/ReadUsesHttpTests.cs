using System.Net;
using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>Reads and the uses they consume, over real HTTP.</summary>
public sealed class ReadUsesHttpTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    [Fact]
    public async Task Anonymous_reads_are_401()
    {
        var (png, corners) = Plates.Scene();
        using var anonymous = fixture.App.CreateAnonymousClient();

        var api = await anonymous.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de"));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.StartsWith("Basic", api.Headers.WwwAuthenticate.ToString());
        Assert.Contains("log in first", await AccessSession.Error(api));

        // The page's own request: 401 too, but without the challenge that would open the browser's password dialog.
        var page = await anonymous.PostAsync("/read", Plates.Form(png, Plates.Text(corners), "de"));
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Empty(page.Headers.WwwAuthenticate);

        anonymous.DefaultRequestHeaders.Authorization = ReaderApp.Basic(ReaderApp.ReaderName, "not-the-password");
        var wrong = await anonymous.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("wrong user name or password", await AccessSession.Error(wrong));
    }

    [Fact]
    public async Task A_successful_read_consumes_one_use_and_a_failed_read_consumes_none()
    {
        var (_, licence, user) = await AccessSession.Seed(fixture.App, "Politie Amsterdam", "joost", country: "nl");
        using var session = await AccessSession.LogIn(fixture.App, "joost", "password-1");
        var id = licence.Id.ToString();
        var (png, corners) = Plates.Scene();

        var read = await session.ReadApi(Plates.Form(png, Plates.Text(corners), "de", licence: id));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("49", Assert.Single(read.Headers.GetValues("X-Uses-Left")));
        Assert.Equal(1, await AccessSession.Used(fixture.App, licence.Id, user.Id));

        var badPicture = await session.ReadApi(Plates.Form([1, 2, 3], null, "de", licence: id));
        Assert.Equal(HttpStatusCode.BadRequest, badPicture.StatusCode);
        var badCorners = await session.ReadApi(Plates.Form(png, "1,1 2,2 3,3 4,4", "de", licence: id));
        Assert.Equal(HttpStatusCode.BadRequest, badCorners.StatusCode);
        var noLicence = await session.ReadApi(Plates.Form(png, Plates.Text(corners), "de", licence: null));
        Assert.Equal(HttpStatusCode.BadRequest, noLicence.StatusCode);
        Assert.Contains("'licence' field", await AccessSession.Error(noLicence));
        Assert.Equal(1, await AccessSession.Used(fixture.App, licence.Id, user.Id));

        // Basic authentication (tools) consumes the same licence.
        using var tool = fixture.App.CreateAnonymousClient();
        tool.DefaultRequestHeaders.Authorization = ReaderApp.Basic("joost", "password-1");
        var byTool = await tool.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de", licence: id));
        Assert.Equal(HttpStatusCode.OK, byTool.StatusCode);
        Assert.Equal("48", Assert.Single(byTool.Headers.GetValues("X-Uses-Left")));
        Assert.Equal(2, await AccessSession.Used(fixture.App, licence.Id, user.Id));
    }

    [Fact]
    public async Task Another_institutions_licence_is_404_and_nothing_is_consumed()
    {
        var (_, own, anna) = await AccessSession.Seed(fixture.App, "Police nationale", "amelie", country: "fr");
        var (_, foreign, piet) = await AccessSession.Seed(fixture.App, "Politie Rotterdam", "piet", country: "nl");
        using var session = await AccessSession.LogIn(fixture.App, "amelie", "password-1");
        var (png, corners) = Plates.Scene();

        foreach (var licence in new[] { foreign.Id.ToString(), "987654" })
        {
            var response = await session.ReadApi(Plates.Form(png, Plates.Text(corners), "de", licence: licence));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("no such licence for your account", await AccessSession.Error(response));
        }
        Assert.Equal(0, await AccessSession.Used(fixture.App, foreign.Id, piet.Id));
        Assert.Equal(0, await AccessSession.Used(fixture.App, own.Id, anna.Id));
        // The upload page lists only the user's own licences.
        var page = await session.Client.GetStringAsync("/");
        Assert.Contains($"<option value=\"{own.Id}\"", page);
        Assert.DoesNotContain($"<option value=\"{foreign.Id}\"", page);
    }

    [Fact]
    public async Task An_expired_plan_and_an_unsupported_country_are_refused_with_their_reason()
    {
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var (_, expired, _) = await AccessSession.Seed(fixture.App, "Expired force", "ernst", activeUntil: yesterday);
        var (_, swiss, _) = await AccessSession.Seed(fixture.App, "Kantonspolizei Zürich", "urs", country: "ch");
        var (png, corners) = Plates.Scene();

        foreach (var (user, licence, reason) in new[] { ("ernst", expired, "plan has ended"), ("urs", swiss, "not offered in your institution's country") })
        {
            using var tool = fixture.App.CreateAnonymousClient();
            tool.DefaultRequestHeaders.Authorization = ReaderApp.Basic(user, "password-1");
            var response = await tool.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de", licence: licence.Id.ToString()));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains(reason, await AccessSession.Error(response));
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Hundred_concurrent_reads_with_fifty_uses_left_give_fifty_results_and_fifty_refusals(string kind)
    {
        var settings = new Dictionary<string, string?> { ["Limits:ReadsPerWindow"] = "0" };
        if (kind == "postgres") settings["Access:Postgres"] = await PostgresServer.CreateDatabaseAsync();
        using var app = new ReaderApp(settings);
        var (_, licence, user) = await AccessSession.Seed(app, "Bundespolizei", "birgit", usesPerSeat: 60);
        for (var i = 0; i < 10; i++) await app.Get<UseLedger>().ConsumeAsync(user.Id, licence.Id, "de");
        using var session = await AccessSession.LogIn(app, "birgit", "password-1");
        var (png, corners) = Plates.Scene();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            session.ReadApi(Plates.Form(png, Plates.Text(corners), "de", licence: licence.Id.ToString()))));

        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(50, refused.Count);
        foreach (var r in refused)
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.Equal("no uses are left on this licence this month", await AccessSession.Error(r));
        }
        Assert.Equal(60, await AccessSession.Used(app, licence.Id, user.Id));
    }

    [Fact]
    public async Task Two_instances_sharing_postgres_behind_a_balancer_give_exactly_the_uses_left_between_them()
    {
        var settings = new Dictionary<string, string?> { ["Limits:ReadsPerWindow"] = "0", ["Access:Postgres"] = await PostgresServer.CreateDatabaseAsync() };
        using var first = new ReaderApp(settings);
        using var second = new ReaderApp(settings);
        var (_, licence, user) = await AccessSession.Seed(first, "Bundespolizei", "bernd", usesPerSeat: 30);
        // Each instance has its own cookie keys (in memory), so each has its own login, as with session affinity.
        using var viaFirst = await AccessSession.LogIn(first, "bernd", "password-1");
        using var viaSecond = await AccessSession.LogIn(second, "bernd", "password-1");
        var (png, corners) = Plates.Scene();

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            (i % 2 == 0 ? viaFirst : viaSecond).ReadApi(Plates.Form(png, Plates.Text(corners), "de", licence: licence.Id.ToString()))));

        Assert.Equal(30, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(30, responses.Count(r => r.StatusCode == HttpStatusCode.Forbidden));
        Assert.Equal(30, await AccessSession.Used(second, licence.Id, user.Id));
    }
}
