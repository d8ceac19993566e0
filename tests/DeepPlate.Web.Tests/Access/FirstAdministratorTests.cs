using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>The administrator created on first start.</summary>
public sealed class FirstAdministratorTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task An_empty_database_gets_an_administrator_with_the_given_password_which_is_not_printed(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var console = new StringWriter();

        Assert.True(await FirstAdministrator.EnsureAsync(store.Db, "chosen-secret", console));

        var admin = Assert.Single(await store.Admin.UsersAsync());
        Assert.Equal(("admin", true, (long?)null), (admin.UserName, admin.IsAdmin, admin.InstitutionId));
        Assert.Equal(LoginOutcome.Succeeded, (await store.Login.LoginAsync("admin", "chosen-secret")).Outcome);
        Assert.Contains(FirstAdministrator.PasswordVariable, console.ToString());
        Assert.DoesNotContain("chosen-secret", console.ToString());
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Without_a_password_one_is_generated_and_printed_once(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var console = new StringWriter();

        Assert.True(await FirstAdministrator.EnsureAsync(store.Db, null, console));
        var printed = System.Text.RegularExpressions.Regex.Match(console.ToString(), "with the password (\\S+) ").Groups[1].Value;
        Assert.Equal(20, printed.Length);
        Assert.Equal(LoginOutcome.Succeeded, (await store.Login.LoginAsync("admin", printed)).Outcome);

        var again = new StringWriter();
        Assert.False(await FirstAdministrator.EnsureAsync(store.Db, null, again));
        Assert.Equal("", again.ToString());
        Assert.Single(await store.Admin.UsersAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_database_with_users_gets_no_administrator(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await store.SeedAsync();

        Assert.False(await FirstAdministrator.EnsureAsync(store.Db, "chosen-secret", TextWriter.Null));
        Assert.Equal(["anna"], (await store.Admin.UsersAsync()).Select(u => u.UserName));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Instances_starting_together_create_one_administrator(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);

        var created = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => FirstAdministrator.EnsureAsync(store.Db, "chosen-secret", TextWriter.Null))));

        Assert.Single(created, c => c);
        Assert.Single(await store.Admin.UsersAsync());
    }

    [Fact]
    public async Task A_too_short_password_is_refused()
    {
        await using var store = await TestStore.CreateAsync("sqlite");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => FirstAdministrator.EnsureAsync(store.Db, "short", TextWriter.Null));
        Assert.Contains(FirstAdministrator.PasswordVariable, e.Message);
        Assert.Empty(await store.Admin.UsersAsync());
    }
}
