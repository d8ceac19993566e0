using System.Globalization;
using System.Net;
using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>The licences on the upload page: "1 use left", and a licence with none left shown but not offered.</summary>
public sealed class LicenceChoiceTests(ReaderAppFixture fixture) : IClassFixture<ReaderAppFixture>
{
    [Fact]
    public async Task One_use_is_one_use_and_a_spent_licence_is_disabled_with_the_day_it_starts_again()
    {
        var (institution, spent, user) = await AccessSession.Seed(fixture.App, "Polizei Köln", "lena", usesPerSeat: 1);
        using var session = await AccessSession.LogIn(fixture.App, "lena", "password-1");
        var page = await session.Client.GetStringAsync("/");
        Assert.Contains("""<b id="uses-left">1</b> <span id="uses-word">use</span> left this month""", page);

        var (png, corners) = Plates.Scene();
        Assert.Equal(HttpStatusCode.OK, (await session.ReadApi(Plates.Form(png, Plates.Text(corners), "de", licence: spent.Id.ToString(CultureInfo.InvariantCulture)))).StatusCode);
        var admin = fixture.App.Get<AccessAdmin>();
        var other = await admin.CreateLicenceAsync(institution.Id, "second", 1, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), 3);
        await admin.AssociateAsync(user.Id, other.Id);

        page = await session.Client.GetStringAsync("/");
        var now = DateTime.UtcNow;
        var reset = new DateTime(now.Year, now.Month, 1).AddMonths(1).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"""<option value="{spent.Id}" data-left="0" disabled="disabled">main (no use left until {reset})</option>""", page);
        Assert.Contains($"""<option value="{other.Id}" data-left="3" selected="selected">second</option>""", page);
        Assert.Contains("""<b id="uses-left">3</b> <span id="uses-word">uses</span> left this month""", page);
    }
}
