using DeepPlate.Web.Access;
using Microsoft.AspNetCore.Identity;

namespace DeepPlate.Web.Tests.Access;

/// <summary>Passwords, lockout after repeated failures, and hash upgrades.</summary>
public sealed class AccountLoginTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task The_right_password_logs_in_whatever_the_case_of_the_user_name(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (_, _, anna) = await store.SeedAsync(user: "Anna.Schmidt");

        var result = await store.Login.LoginAsync("  ANNA.schmidt ", "password-1");

        Assert.Equal(LoginOutcome.Succeeded, result.Outcome);
        Assert.Equal(anna.Id, result.User!.Id);
        Assert.Equal("anna.schmidt", result.User.UserName);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await store.SeedAsync();

        Assert.Equal(LoginResult.Invalid, await store.Login.LoginAsync("anna", "password-2"));
        Assert.Equal(LoginResult.Invalid, await store.Login.LoginAsync("nobody", "password-1"));
        Assert.Equal(LoginResult.Invalid, await store.Login.LoginAsync("anna", ""));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Five_wrong_passwords_in_a_row_lock_the_account_for_fifteen_minutes(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await store.SeedAsync();
        var locked = store.Clock.Now.AddMinutes(15);

        for (var i = 0; i < 4; i++) Assert.Equal(LoginOutcome.Invalid, (await store.Login.LoginAsync("anna", "wrong")).Outcome);
        Assert.Equal(new LoginResult(LoginOutcome.LockedOut, LockedUntil: locked), await store.Login.LoginAsync("anna", "wrong"));
        // Locked: even the right password is refused, and the lock does not move.
        store.Clock.Now = store.Clock.Now.AddMinutes(14);
        Assert.Equal(new LoginResult(LoginOutcome.LockedOut, LockedUntil: locked), await store.Login.LoginAsync("anna", "password-1"));
        store.Clock.Now = locked;
        Assert.Equal(LoginOutcome.Succeeded, (await store.Login.LoginAsync("anna", "password-1")).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_successful_login_resets_the_count_of_failures(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await store.SeedAsync();

        for (var i = 0; i < 4; i++) await store.Login.LoginAsync("anna", "wrong");
        Assert.Equal(LoginOutcome.Succeeded, (await store.Login.LoginAsync("anna", "password-1")).Outcome);
        for (var i = 0; i < 4; i++) Assert.Equal(LoginOutcome.Invalid, (await store.Login.LoginAsync("anna", "wrong")).Outcome);
        Assert.Equal(4, (await store.Admin.UsersAsync()).Single().FailedLogins);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Lockout_follows_the_configured_failures_and_minutes(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind, new AccessOptions { LockoutFailures = 2, LockoutMinutes = 1 });
        await store.SeedAsync();

        Assert.Equal(LoginOutcome.Invalid, (await store.Login.LoginAsync("anna", "wrong")).Outcome);
        Assert.Equal(store.Clock.Now.AddMinutes(1), (await store.Login.LoginAsync("anna", "wrong")).LockedUntil);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Passwords_are_stored_as_salted_pbkdf2_hashes_and_old_hashes_are_upgraded_at_login(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (_, _, anna) = await store.SeedAsync();
        var ben = await store.Admin.CreateUserAsync("ben", "password-1", anna.InstitutionId);
        var hashes = (await store.DumpAsync())["users"].Select(row => row[3]).ToList();
        // Identity's version 3 format (marker byte 1: PBKDF2 with its PRF, iteration count and salt in the hash);
        // the same password gives two different hashes.
        Assert.All(hashes, h => Assert.Equal(1, Convert.FromBase64String(h)[0]));
        Assert.NotEqual(hashes[0], hashes[1]);
        Assert.DoesNotContain(hashes, h => h.Contains("password-1"));

        var old = new PasswordHasher<object>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 }))
            .HashPassword(null!, "password-1");
        await store.SqlAsync("UPDATE users SET password_hash = @h WHERE id = @id", ("h", old), ("id", ben.Id));
        Assert.Equal(LoginOutcome.Succeeded, (await store.Login.LoginAsync("ben", "password-1")).Outcome);
        var upgraded = (await store.DumpAsync())["users"].Single(row => row[2] == "ben")[3];
        Assert.NotEqual(old, upgraded);
        Assert.Equal(1, Convert.FromBase64String(upgraded)[0]);
        Assert.Equal(LoginOutcome.Succeeded, (await store.Login.LoginAsync("ben", "password-1")).Outcome);
    }
}
