using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>Terms acceptance and the requirements the refusal page names.</summary>
public sealed class TermsAndRequirementsTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_new_user_must_accept_the_terms_and_the_version_and_time_are_recorded(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind, new AccessOptions { TermsVersion = "2026-03" });
        var (_, _, anna) = await store.SeedAsync();

        Assert.Equal([AccessRequirement.AcceptedTerms], (await store.Requirements.CheckAsync(anna.Id)).Missing);
        Assert.False(store.Terms.HasAccepted(anna));

        await store.Terms.AcceptAsync(anna.Id);

        var accepted = (await store.Admin.FindUserAsync(anna.Id))!;
        Assert.Equal(("2026-03", store.Clock.Now), (accepted.TermsVersion, accepted.TermsAcceptedAt));
        Assert.True(store.Terms.HasAccepted(accepted));
        Assert.True((await store.Requirements.CheckAsync(anna.Id)).Granted);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task New_terms_must_be_accepted_again(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind, new AccessOptions { TermsVersion = "1" });
        var (_, _, anna) = await store.SeedAsync();
        await store.Terms.AcceptAsync(anna.Id);

        var newTerms = new TermsAcceptance(store.Db, store.Options with { TermsVersion = "2" }, store.Clock);
        var requirements = new AccessRequirements(store.Db, TestStore.Countries, newTerms, store.Clock);

        Assert.False(newTerms.HasAccepted((await store.Admin.FindUserAsync(anna.Id))!));
        Assert.Equal([AccessRequirement.AcceptedTerms], (await requirements.CheckAsync(anna.Id)).Missing);
        store.Clock.Now = store.Clock.Now.AddDays(1);
        await newTerms.AcceptAsync(anna.Id);
        Assert.True((await requirements.CheckAsync(anna.Id)).Granted);
        Assert.Equal(store.Clock.Now, (await store.Admin.FindUserAsync(anna.Id))!.TermsAcceptedAt);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_expired_or_missing_plan_is_named(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (institution, licence, anna) = await store.SeedAsync(activeUntil: store.Today.AddDays(-1));
        await store.Terms.AcceptAsync(anna.Id);
        Assert.Equal([AccessRequirement.ActivePlan], (await store.Requirements.CheckAsync(anna.Id)).Missing);

        var ben = await store.Admin.CreateUserAsync("ben", "password-1", institution.Id);
        await store.Terms.AcceptAsync(ben.Id);
        Assert.Equal([AccessRequirement.ActivePlan], (await store.Requirements.CheckAsync(ben.Id)).Missing);

        await store.Admin.SetPlanAsync(licence.Id, 1, store.Today, 50);
        Assert.True((await store.Requirements.CheckAsync(anna.Id)).Granted);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_unsupported_country_is_named_and_an_unknown_user_misses_everything(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (_, _, anna) = await store.SeedAsync(country: "ch");
        await store.Terms.AcceptAsync(anna.Id);

        Assert.Equal([AccessRequirement.SupportedCountry], (await store.Requirements.CheckAsync(anna.Id)).Missing);
        Assert.Equal([AccessRequirement.ActivePlan, AccessRequirement.SupportedCountry, AccessRequirement.AcceptedTerms],
            (await store.Requirements.CheckAsync(424242)).Missing);
    }

    [Fact]
    public void The_supported_countries_are_those_of_the_format_registry()
    {
        var countries = SupportedCountries.From(DeepPlate.Formats.FormatRegistry.Default);

        Assert.Equal(["de", "es", "fr", "it", "nl", "se", "uk", "us"], countries.Codes);
        Assert.True(countries.Contains(" DE "));
        Assert.False(countries.Contains("ch"));
    }
}
