using Microsoft.AspNetCore.Identity;

namespace DeepPlate.Web.Access;

/// <summary>
/// Checks a user name and password: counts wrong passwords, locks the account for
/// <see cref="AccessOptions.LockoutMinutes"/> after <see cref="AccessOptions.LockoutFailures"/> in a row, resets the
/// count on success, and upgrades a hash made with older settings.
/// </summary>
public sealed class AccountLogin(AccessDatabase db, AccessOptions options, TimeProvider clock)
{
    // Verified against when the user does not exist, so an unknown name takes as long as a wrong password.
    private static readonly Lazy<string> UnknownUserHash = new(() => Passwords.Hash(Passwords.Generate()));

    public async Task<LoginResult> LoginAsync(string userName, string password, CancellationToken cancel = default)
    {
        await using var connection = await db.OpenAsync(cancel);
        var name = AccessUser.Normalise(userName);
        var found = await connection.SingleOrDefaultAsync(null, $"SELECT {Rows.UserColumns}, u.password_hash FROM users u WHERE u.user_name = @name AND u.removed_at IS NULL",
            r => (User: Rows.User(r), Hash: r.Text("password_hash")), ("name", name));
        if (found.User is null)
        {
            Passwords.Verify(UnknownUserHash.Value, password);
            return LoginResult.Invalid;
        }
        var (user, hash) = found;
        var now = clock.GetUtcNow();
        // A locked account is refused before the password is looked at, so guessing on gains nothing.
        if (user.LockedUntil is { } until && until > now) return new(LoginOutcome.LockedOut, LockedUntil: until);

        var verdict = Passwords.Verify(hash, password);
        await using var transaction = await db.BeginWriteAsync(connection, cancel);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failures = await connection.LongAsync(transaction,
                "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = @id RETURNING failed_logins", ("id", user.Id));
            if (failures >= options.LockoutFailures)
            {
                var lockedUntil = now.AddMinutes(options.LockoutMinutes);
                // Locked: the sessions already open end too (a new security stamp), someone may be guessing.
                await connection.ExecuteAsync(transaction, "UPDATE users SET failed_logins = 0, locked_until = @until, security_stamp = @stamp WHERE id = @id",
                    ("until", StoredValues.Time(lockedUntil)), ("stamp", SecurityStamps.New()), ("id", user.Id));
                await transaction.CommitAsync(cancel);
                return new(LoginOutcome.LockedOut, LockedUntil: lockedUntil);
            }
            await transaction.CommitAsync(cancel);
            return LoginResult.Invalid;
        }

        await connection.ExecuteAsync(transaction, "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = @id", ("id", user.Id));
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await connection.ExecuteAsync(transaction, "UPDATE users SET password_hash = @hash WHERE id = @id", ("hash", Passwords.Hash(password)), ("id", user.Id));
        }
        await transaction.CommitAsync(cancel);
        return new(LoginOutcome.Succeeded, user with { FailedLogins = 0, LockedUntil = null });
    }
}
