using System.Data.Common;
using System.Security.Cryptography;

namespace DeepPlate.Web.Access;

/// <summary>
/// Each user's security stamp: a random value the login cookie carries and every request compares with the store
/// (<see cref="Security.SessionCheck"/>). Anything that must end the user's open sessions gives the user a new one:
/// logging out, a password set by the administrator, a lockout, a licence taken away. A removed user has none
/// (<see cref="AccessAdmin.RemoveUserAsync"/>), so the cookie fails the same way.
/// </summary>
public sealed class SecurityStamps(AccessDatabase db)
{
    /// <summary>A new stamp: 128 random bits, hex.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The user's stamp now, or null when the user no longer exists or was removed.</summary>
    public async Task<string?> CurrentAsync(long userId, CancellationToken cancel = default)
    {
        await using var connection = await db.OpenAsync(cancel);
        return (await connection.QueryAsync(null, "SELECT security_stamp FROM users WHERE id = @id AND removed_at IS NULL", r => r.Text("security_stamp"), ("id", userId))).SingleOrDefault();
    }

    /// <summary>Ends every session of the user.</summary>
    public async Task RenewAsync(long userId, CancellationToken cancel = default)
    {
        await using var connection = await db.OpenAsync(cancel);
        await RenewAsync(connection, null, userId);
    }

    internal static Task<int> RenewAsync(DbConnection connection, DbTransaction? transaction, long userId) =>
        connection.ExecuteAsync(transaction, "UPDATE users SET security_stamp = @stamp WHERE id = @id", ("stamp", New()), ("id", userId));
}
