using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>Consuming uses: the monthly allowance, concurrency, the four refusals, and what is kept.</summary>
public sealed class UseLedgerTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Hundred_concurrent_consumes_with_fifty_uses_left_give_exactly_fifty_uses_and_fifty_refusals(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (_, licence, user) = await store.SeedAsync(usesPerSeat: 60);
        for (var i = 0; i < 10; i++) Assert.Equal(UseOutcome.Consumed, (await store.Ledger.ConsumeAsync(user.Id, licence.Id, "de")).Outcome);

        var ledger = store.Ledger;
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => ledger.ConsumeAsync(user.Id, licence.Id, "de"))));

        Assert.Equal(50, results.Count(r => r.Outcome == UseOutcome.Consumed));
        Assert.Equal(50, results.Count(r => r.Outcome == UseOutcome.Exhausted));
        // Each consumed use saw a different count: none was lost or counted twice.
        Assert.Equal(Enumerable.Range(0, 50).Select(n => (long)n), results.Where(r => r.Allowed).Select(r => r.UsesLeft).Order());
        Assert.Equal(60, await store.SqlAsync("SELECT used FROM usage WHERE licence_id = @l", ("l", licence.Id)));
        Assert.Equal(60, await store.SqlAsync("SELECT COUNT(*) FROM audit"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Seats_multiply_the_uses_and_the_licence_users_share_them(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (institution, licence, anna) = await store.SeedAsync(seats: 2, usesPerSeat: 2);
        var ben = await store.AddUserAsync(institution, licence, "ben");

        Assert.Equal(new UseResult(UseOutcome.Consumed, 3), await store.Ledger.ConsumeAsync(anna.Id, licence.Id, "de"));
        Assert.Equal(new UseResult(UseOutcome.Consumed, 2), await store.Ledger.ConsumeAsync(anna.Id, licence.Id, "fr"));
        Assert.Equal(new UseResult(UseOutcome.Consumed, 1), await store.Ledger.ConsumeAsync(ben.Id, licence.Id, "de"));
        var seenByBen = Assert.Single(await store.Ledger.ListAsync(ben.Id));
        Assert.Equal((3L, 1L, true), (seenByBen.Used, seenByBen.Left, seenByBen.Active));
        Assert.Equal(new UseResult(UseOutcome.Consumed, 0), await store.Ledger.ConsumeAsync(ben.Id, licence.Id, "de"));
        Assert.Equal(UseOutcome.Exhausted, (await store.Ledger.ConsumeAsync(anna.Id, licence.Id, "de")).Outcome);
        Assert.Equal(UseOutcome.Exhausted, (await store.Ledger.CheckAsync(anna.Id, licence.Id)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Checking_before_a_read_consumes_nothing(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (_, licence, user) = await store.SeedAsync(usesPerSeat: 5);

        Assert.Equal(new UseResult(UseOutcome.Available, 5), await store.Ledger.CheckAsync(user.Id, licence.Id));
        Assert.Equal(new UseResult(UseOutcome.Available, 5), await store.Ledger.CheckAsync(user.Id, licence.Id));
        Assert.Equal(new UseResult(UseOutcome.Consumed, 4), await store.Ledger.ConsumeAsync(user.Id, licence.Id, "de"));
        Assert.Equal(new UseResult(UseOutcome.Available, 4), await store.Ledger.CheckAsync(user.Id, licence.Id));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_user_can_neither_consume_nor_see_another_institutions_licence(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (_, ownLicence, anna) = await store.SeedAsync();
        var (_, foreignLicence, _) = await store.SeedAsync(institution: "Politie", country: "nl", user: "piet");

        Assert.Equal(UseOutcome.NotYours, (await store.Ledger.ConsumeAsync(anna.Id, foreignLicence.Id, "de")).Outcome);
        Assert.Equal(UseOutcome.NotYours, (await store.Ledger.CheckAsync(anna.Id, foreignLicence.Id)).Outcome);
        // Even an association the admin area refuses to make, written straight into the table, gives nothing.
        await store.SqlAsync("INSERT INTO user_licences (user_id, licence_id) VALUES (@u, @l)", ("u", anna.Id), ("l", foreignLicence.Id));
        Assert.Equal(UseOutcome.NotYours, (await store.Ledger.ConsumeAsync(anna.Id, foreignLicence.Id, "de")).Outcome);
        Assert.Equal(UseOutcome.NotYours, (await store.Ledger.CheckAsync(anna.Id, foreignLicence.Id)).Outcome);
        Assert.Equal([ownLicence.Id], (await store.Ledger.ListAsync(anna.Id)).Select(l => l.Licence.Id));
        Assert.Equal(0, await store.SqlAsync("SELECT COUNT(*) FROM usage"));
        Assert.Equal(0, await store.SqlAsync("SELECT COUNT(*) FROM audit"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_licence_of_the_users_institution_that_is_not_the_users_is_refused(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (institution, licence, anna) = await store.SeedAsync();
        var other = await store.Admin.CreateLicenceAsync(institution.Id, "second", 1, store.Today.AddDays(5));

        Assert.Equal(UseOutcome.NotYours, (await store.Ledger.ConsumeAsync(anna.Id, other.Id, "de")).Outcome);
        Assert.Equal(UseOutcome.NotYours, (await store.Ledger.ConsumeAsync(anna.Id, 999_999, "de")).Outcome);
        await store.Admin.AssociateAsync(anna.Id, other.Id);
        Assert.Equal(UseOutcome.Consumed, (await store.Ledger.ConsumeAsync(anna.Id, other.Id, "de")).Outcome);
        await store.Admin.DissociateAsync(anna.Id, other.Id);
        Assert.Equal(UseOutcome.NotYours, (await store.Ledger.ConsumeAsync(anna.Id, other.Id, "de")).Outcome);
        Assert.Equal([licence.Id], (await store.Ledger.ListAsync(anna.Id)).Select(l => l.Licence.Id));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_plan_runs_through_its_last_day_and_is_refused_after_it(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (_, licence, user) = await store.SeedAsync(activeUntil: store.Today);

        store.Clock.Now = new DateTimeOffset(store.Today, new TimeOnly(23, 59), TimeSpan.Zero);
        Assert.Equal(UseOutcome.Consumed, (await store.Ledger.ConsumeAsync(user.Id, licence.Id, "de")).Outcome);
        store.Clock.Now = store.Clock.Now.AddMinutes(1);
        Assert.Equal(UseOutcome.PlanExpired, (await store.Ledger.ConsumeAsync(user.Id, licence.Id, "de")).Outcome);
        Assert.Equal(UseOutcome.PlanExpired, (await store.Ledger.CheckAsync(user.Id, licence.Id)).Outcome);
        Assert.False(Assert.Single(await store.Ledger.ListAsync(user.Id)).Active);
        Assert.Equal(1, await store.SqlAsync("SELECT used FROM usage"));
        Assert.Equal(1, await store.SqlAsync("SELECT COUNT(*) FROM audit"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_institution_in_an_unsupported_country_is_refused(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (institution, licence, user) = await store.SeedAsync(institution: "Kantonspolizei", country: "ch");

        Assert.Equal(UseOutcome.CountryUnsupported, (await store.Ledger.ConsumeAsync(user.Id, licence.Id, "de")).Outcome);
        Assert.Equal(UseOutcome.CountryUnsupported, (await store.Ledger.CheckAsync(user.Id, licence.Id)).Outcome);
        Assert.Equal(0, await store.SqlAsync("SELECT COUNT(*) FROM audit"));
        await store.Admin.SetInstitutionCountryAsync(institution.Id, "fr");
        Assert.Equal(UseOutcome.Consumed, (await store.Ledger.ConsumeAsync(user.Id, licence.Id, "de")).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_new_month_starts_with_the_full_allowance(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (_, licence, user) = await store.SeedAsync(usesPerSeat: 1, activeUntil: new DateOnly(2026, 12, 31));

        store.Clock.Now = new DateTimeOffset(2026, 3, 31, 23, 59, 0, TimeSpan.Zero);
        Assert.Equal(UseOutcome.Consumed, (await store.Ledger.ConsumeAsync(user.Id, licence.Id, "de")).Outcome);
        Assert.Equal(UseOutcome.Exhausted, (await store.Ledger.ConsumeAsync(user.Id, licence.Id, "de")).Outcome);
        store.Clock.Now = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(1, Assert.Single(await store.Ledger.ListAsync(user.Id)).Left);
        Assert.Equal(new UseResult(UseOutcome.Consumed, 0), await store.Ledger.ConsumeAsync(user.Id, licence.Id, "de"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_use_leaves_a_count_and_an_audit_row_of_user_licence_time_and_country_and_nothing_else(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (_, licence, user) = await store.SeedAsync();
        var before = await store.DumpAsync();

        await store.Ledger.ConsumeAsync(user.Id, licence.Id, " DE ");

        var after = await store.DumpAsync();
        Assert.Equal(["audit", "usage"], TestStore.ChangedTables(before, after));
        Assert.Equal([[licence.Id.ToString(), "2026-03", "1"]], after["usage"]);
        var audit = Assert.Single(after["audit"]);
        Assert.Equal([user.Id.ToString(), licence.Id.ToString(), store.Clock.Now.ToUnixTimeMilliseconds().ToString(), "de"], audit[1..]);
    }
}
