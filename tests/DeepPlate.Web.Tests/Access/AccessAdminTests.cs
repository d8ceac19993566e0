using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>What the admin area may and may not change.</summary>
public sealed class AccessAdminTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Institutions_licences_and_users_are_created_and_listed(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind, new AccessOptions { UsesPerSeatPerMonth = 7 });
        var bka = await store.Admin.CreateInstitutionAsync(" Bundeskriminalamt ", "DE");
        var politie = await store.Admin.CreateInstitutionAsync("Politie", "nl");
        var licence = await store.Admin.CreateLicenceAsync(bka.Id, "Fahndung", 3, new DateOnly(2026, 12, 31));
        await store.Admin.CreateLicenceAsync(politie.Id, "Recherche", 1, new DateOnly(2027, 1, 31), 10);
        var admin = await store.Admin.CreateUserAsync("Root2", "password-1", null, isAdmin: true);

        Assert.Equal([new Institution(bka.Id, "Bundeskriminalamt", "de"), new Institution(politie.Id, "Politie", "nl")], await store.Admin.InstitutionsAsync());
        Assert.Equal(new Licence(licence.Id, bka.Id, "Fahndung", 3, new DateOnly(2026, 12, 31), 7), Assert.Single(await store.Admin.LicencesAsync(bka.Id)));
        Assert.Equal(21, licence.MonthlyUses);
        Assert.Equal(2, (await store.Admin.LicencesAsync()).Count);
        Assert.Equal(("root2", true, (long?)null), (admin.UserName, admin.IsAdmin, admin.InstitutionId));

        await store.Admin.SetPlanAsync(licence.Id, 4, new DateOnly(2027, 6, 30), 5);
        Assert.Equal(new Licence(licence.Id, bka.Id, "Fahndung", 4, new DateOnly(2027, 6, 30), 5), Assert.Single(await store.Admin.LicencesAsync(bka.Id)));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Duplicates_and_bad_values_are_refused_with_a_reason(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (institution, _, _) = await store.SeedAsync();

        await Refused("exists already", () => store.Admin.CreateInstitutionAsync("Bundeskriminalamt", "de"));
        await Refused("country", () => store.Admin.CreateInstitutionAsync("Elsewhere", "d3"));
        await Refused("name", () => store.Admin.CreateInstitutionAsync("  ", "de"));
        await Refused("already", () => store.Admin.CreateLicenceAsync(institution.Id, "main", 1, store.Today));
        await Refused("seat", () => store.Admin.CreateLicenceAsync(institution.Id, "none", 0, store.Today));
        await Refused("no such institution", () => store.Admin.CreateLicenceAsync(4242, "x", 1, store.Today));
        await Refused("taken", () => store.Admin.CreateUserAsync("ANNA", "password-1", institution.Id));
        await Refused("8 characters", () => store.Admin.CreateUserAsync("carl", "short", institution.Id));
        await Refused("belongs to an institution", () => store.Admin.CreateUserAsync("carl", "password-1", null));
        await Refused("no such licence", () => store.Admin.SetPlanAsync(4242, 1, store.Today, 1));
        Assert.Single(await store.Admin.InstitutionsAsync());
        Assert.Single(await store.Admin.LicencesAsync());
        Assert.Single(await store.Admin.UsersAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_user_can_only_be_given_licences_of_the_users_institution(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (_, own, anna) = await store.SeedAsync();
        var (_, foreign, _) = await store.SeedAsync(institution: "Politie", country: "nl", user: "piet");

        await Refused("own institution", () => store.Admin.AssociateAsync(anna.Id, foreign.Id));
        await store.Admin.AssociateAsync(anna.Id, own.Id); // twice is fine

        Assert.Equal([own.Id], await store.Admin.AssociationsAsync(anna.Id));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_new_password_lifts_a_lockout(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (_, _, anna) = await store.SeedAsync();
        for (var i = 0; i < 5; i++) await store.Login.LoginAsync("anna", "wrong");
        Assert.Equal(LoginOutcome.LockedOut, (await store.Login.LoginAsync("anna", "password-1")).Outcome);

        await store.Admin.SetPasswordAsync(anna.Id, "password-2");

        Assert.Equal(LoginOutcome.Invalid, (await store.Login.LoginAsync("anna", "password-1")).Outcome);
        Assert.Equal(LoginOutcome.Succeeded, (await store.Login.LoginAsync("anna", "password-2")).Outcome);
    }

    private static async Task Refused(string reason, Func<Task> change) =>
        Assert.Contains(reason, (await Assert.ThrowsAsync<AccessAdminException>(change)).Message);
}
