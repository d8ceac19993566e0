using System.Data.Common;

namespace DeepPlate.Web.Access;

/// <summary>
/// What the administrator manages: institutions, their licences, users and which licences each user may consume.
/// Nothing is deleted except associations (and users, who have no audit rows yet): audit rows keep pointing at real
/// licences and users. Plans end by their date, accounts by removing their licences.
/// </summary>
public sealed class AccessAdmin(AccessDatabase db, AccessOptions options)
{
    private const int MaxName = 200;

    public async Task<IReadOnlyList<Institution>> InstitutionsAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.OpenAsync(cancel);
        return await connection.QueryAsync(null, $"SELECT {Rows.InstitutionColumns} FROM institutions i ORDER BY i.name", Rows.Institution);
    }

    public async Task<Institution> CreateInstitutionAsync(string name, string country, CancellationToken cancel = default)
    {
        name = Name(name, "an institution");
        country = Country(country);
        return await WriteAsync(async (connection, transaction) =>
        {
            if (await connection.LongAsync(transaction, "SELECT id FROM institutions WHERE name = @name", ("name", name)) is not null)
                throw new AccessAdminException($"an institution named '{name}' exists already");
            var id = await connection.LongAsync(transaction, "INSERT INTO institutions (name, country) VALUES (@name, @country) RETURNING id",
                ("name", name), ("country", country));
            return new Institution(id!.Value, name, country);
        }, cancel);
    }

    public Task SetInstitutionCountryAsync(long institutionId, string country, CancellationToken cancel = default)
    {
        country = Country(country);
        return WriteAsync(async (connection, transaction) =>
            Found(await connection.ExecuteAsync(transaction, "UPDATE institutions SET country = @country WHERE id = @id", ("country", country), ("id", institutionId)), "institution"), cancel);
    }

    /// <summary>Every licence, or those of one institution, by institution then name.</summary>
    public async Task<IReadOnlyList<Licence>> LicencesAsync(long? institutionId = null, CancellationToken cancel = default)
    {
        await using var connection = await db.OpenAsync(cancel);
        // Two queries rather than "@institution IS NULL OR ...": PostgreSQL cannot type a parameter that is only NULL.
        var where = institutionId is null ? "" : "WHERE l.institution_id = @institution";
        return await connection.QueryAsync(null, $"SELECT {Rows.LicenceColumns} FROM licences l {where} ORDER BY l.institution_id, l.name",
            Rows.Licence, ("institution", institutionId ?? 0));
    }

    /// <summary>A licence with <paramref name="usesPerSeat"/> uses per seat a month, or
    /// <see cref="AccessOptions.UsesPerSeatPerMonth"/> when not given.</summary>
    public async Task<Licence> CreateLicenceAsync(long institutionId, string name, int seats, DateOnly activeUntil, int? usesPerSeat = null, CancellationToken cancel = default)
    {
        name = Name(name, "a licence");
        var perSeat = usesPerSeat ?? options.UsesPerSeatPerMonth;
        Plan(seats, perSeat);
        return await WriteAsync(async (connection, transaction) =>
        {
            Found(await connection.LongAsync(transaction, "SELECT COUNT(*) FROM institutions WHERE id = @id", ("id", institutionId)) is > 0 ? 1 : 0, "institution");
            if (await connection.LongAsync(transaction, "SELECT id FROM licences WHERE institution_id = @institution AND name = @name",
                    ("institution", institutionId), ("name", name)) is not null)
                throw new AccessAdminException($"the institution has a licence named '{name}' already");
            var id = await connection.LongAsync(transaction, """
                INSERT INTO licences (institution_id, name, seats, active_until, uses_per_seat)
                VALUES (@institution, @name, @seats, @until, @perSeat) RETURNING id
                """, ("institution", institutionId), ("name", name), ("seats", (long)seats), ("until", StoredValues.Date(activeUntil)), ("perSeat", (long)perSeat));
            return new Licence(id!.Value, institutionId, name, seats, activeUntil, perSeat);
        }, cancel);
    }

    /// <summary>Changes a licence's plan: seats, end date and uses per seat (this month's count is kept).</summary>
    public Task SetPlanAsync(long licenceId, int seats, DateOnly activeUntil, int usesPerSeat, CancellationToken cancel = default)
    {
        Plan(seats, usesPerSeat);
        return WriteAsync(async (connection, transaction) => Found(await connection.ExecuteAsync(transaction,
            "UPDATE licences SET seats = @seats, active_until = @until, uses_per_seat = @perSeat WHERE id = @id",
            ("seats", (long)seats), ("until", StoredValues.Date(activeUntil)), ("perSeat", (long)usesPerSeat), ("id", licenceId)), "licence"), cancel);
    }

    public async Task<IReadOnlyList<AccessUser>> UsersAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.OpenAsync(cancel);
        return await connection.QueryAsync(null, $"SELECT {Rows.UserColumns} FROM users u WHERE u.removed_at IS NULL ORDER BY u.user_name", Rows.User);
    }

    public async Task<AccessUser?> FindUserAsync(long userId, CancellationToken cancel = default)
    {
        await using var connection = await db.OpenAsync(cancel);
        return await connection.SingleOrDefaultAsync(null, $"SELECT {Rows.UserColumns} FROM users u WHERE u.id = @id AND u.removed_at IS NULL", Rows.User, ("id", userId));
    }

    /// <summary>A user of an institution, or an administrator (<paramref name="institutionId"/> null).</summary>
    public async Task<AccessUser> CreateUserAsync(string userName, string password, long? institutionId, bool isAdmin = false, CancellationToken cancel = default)
    {
        var name = AccessUser.Normalise(userName);
        if (name.Length is 0 or > 100 || name.Any(char.IsWhiteSpace)) throw new AccessAdminException("a user name needs 1 to 100 characters and no spaces");
        if (Passwords.Problem(password) is { } problem) throw new AccessAdminException(problem);
        if (institutionId is null && !isAdmin) throw new AccessAdminException("a user who is not an administrator belongs to an institution");
        var hash = Passwords.Hash(password);
        return await WriteAsync(async (connection, transaction) =>
        {
            if (await connection.LongAsync(transaction, "SELECT id FROM users WHERE user_name = @name", ("name", name)) is not null)
                throw new AccessAdminException($"the user name '{name}' is taken (by a current or a removed account)");
            if (institutionId is { } i)
                Found(await connection.LongAsync(transaction, "SELECT COUNT(*) FROM institutions WHERE id = @id", ("id", i)) is > 0 ? 1 : 0, "institution");
            var stamp = SecurityStamps.New();
            var id = await connection.LongAsync(transaction,
                "INSERT INTO users (institution_id, user_name, password_hash, is_admin, security_stamp) VALUES (@institution, @name, @hash, @admin, @stamp) RETURNING id",
                ("institution", institutionId), ("name", name), ("hash", hash), ("admin", isAdmin ? 1L : 0L), ("stamp", stamp));
            return new AccessUser(id!.Value, institutionId, name, isAdmin, 0, null, null, null, stamp);
        }, cancel);
    }

    /// <summary>Sets a new password and lifts a lockout; the user's sessions end (a new security stamp).</summary>
    public Task SetPasswordAsync(long userId, string password, CancellationToken cancel = default)
    {
        if (Passwords.Problem(password) is { } problem) throw new AccessAdminException(problem);
        var hash = Passwords.Hash(password);
        return WriteAsync(async (connection, transaction) => Found(await connection.ExecuteAsync(transaction,
            "UPDATE users SET password_hash = @hash, failed_logins = 0, locked_until = NULL, security_stamp = @stamp WHERE id = @id",
            ("hash", hash), ("stamp", SecurityStamps.New()), ("id", userId)), "user"), cancel);
    }

    /// <summary>
    /// Removes a user: the licences are taken away, the account can no longer log in and every open session ends (a
    /// new security stamp; <see cref="SecurityStamps.CurrentAsync"/> no longer answers for it). The row stays, marked
    /// removed, because the audit rows name it. Administrators are not removed here (the last one would lock
    /// everyone out).
    /// </summary>
    public Task RemoveUserAsync(long userId, DateTimeOffset now, CancellationToken cancel = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var admin = await connection.LongAsync(transaction, "SELECT is_admin FROM users WHERE id = @id AND removed_at IS NULL", ("id", userId));
            if (admin is null) throw new AccessAdminException("no such user");
            if (admin != 0) throw new AccessAdminException("administrators are not removed here");
            await connection.ExecuteAsync(transaction, "DELETE FROM user_licences WHERE user_id = @id", ("id", userId));
            await connection.ExecuteAsync(transaction, "UPDATE users SET removed_at = @at, security_stamp = @stamp WHERE id = @id",
                ("at", StoredValues.Time(now)), ("stamp", SecurityStamps.New()), ("id", userId));
            return 0;
        }, cancel);

    /// <summary>Lets the user consume the licence. Only a licence of the user's own institution.</summary>
    public Task AssociateAsync(long userId, long licenceId, CancellationToken cancel = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var same = await connection.LongAsync(transaction, """
                SELECT COUNT(*) FROM users u JOIN licences l ON l.institution_id = u.institution_id WHERE u.id = @user AND l.id = @licence
                """, ("user", userId), ("licence", licenceId));
            if (same is not > 0) throw new AccessAdminException("a user can only be given licences of the user's own institution");
            await connection.ExecuteAsync(transaction,
                "INSERT INTO user_licences (user_id, licence_id) VALUES (@user, @licence) ON CONFLICT (user_id, licence_id) DO NOTHING",
                ("user", userId), ("licence", licenceId));
            return 0;
        }, cancel);

    /// <summary>Takes a licence away from a user; if the user had it, the user's sessions end (a new security stamp):
    /// a page opened with the licence must not go on offering it.</summary>
    public Task DissociateAsync(long userId, long licenceId, CancellationToken cancel = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var removed = await connection.ExecuteAsync(transaction,
                "DELETE FROM user_licences WHERE user_id = @user AND licence_id = @licence", ("user", userId), ("licence", licenceId));
            if (removed > 0) await SecurityStamps.RenewAsync(connection, transaction, userId);
            return removed;
        }, cancel);

    /// <summary>Each licence's reads this month (UTC) per user, counted from the audit rows (one per read): who spent
    /// what of the uses a licence's users share. Users without a read this month are not listed.</summary>
    public async Task<IReadOnlyList<UserUses>> UsesThisMonthAsync(DateTimeOffset now, CancellationToken cancel = default)
    {
        var utc = now.UtcDateTime;
        var from = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        await using var connection = await db.OpenAsync(cancel);
        return await connection.QueryAsync(null, """
            SELECT a.licence_id, u.user_name, COUNT(*) AS uses FROM audit a JOIN users u ON u.id = a.user_id
            WHERE a.at >= @from AND a.at < @to GROUP BY a.licence_id, u.user_name ORDER BY a.licence_id, u.user_name
            """, r => new UserUses(r.Long("licence_id"), r.Text("user_name"), r.Long("uses")),
            ("from", StoredValues.Time(from)), ("to", StoredValues.Time(from.AddMonths(1))));
    }

    /// <summary>The ids of the licences associated with a user (for the admin area's check boxes).</summary>
    public async Task<IReadOnlySet<long>> AssociationsAsync(long userId, CancellationToken cancel = default)
    {
        await using var connection = await db.OpenAsync(cancel);
        return (await connection.QueryAsync(null, "SELECT licence_id FROM user_licences WHERE user_id = @user", r => r.Long("licence_id"), ("user", userId))).ToHashSet();
    }

    private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancel)
    {
        await using var connection = await db.OpenAsync(cancel);
        await using var transaction = await db.BeginWriteAsync(connection, cancel);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancel);
        return result;
    }

    private static int Found(long rows, string what) => rows > 0 ? (int)rows : throw new AccessAdminException($"no such {what}");

    private static string Name(string name, string what)
    {
        name = name.Trim();
        return name.Length is > 0 and <= MaxName ? name : throw new AccessAdminException($"{what} needs a name of 1 to {MaxName} characters");
    }

    /// <summary>A country code as stored: lower-case letters. Any code is accepted (an institution may be recorded
    /// before its country is served); <see cref="SupportedCountries"/> decides access.</summary>
    private static string Country(string country)
    {
        country = country.Trim().ToLowerInvariant();
        return country.Length is >= 2 and <= 3 && country.All(char.IsAsciiLetterLower) ? country : throw new AccessAdminException("a country is a code of 2 or 3 letters, e.g. de");
    }

    private static void Plan(int seats, int usesPerSeat)
    {
        if (seats <= 0) throw new AccessAdminException("a licence needs at least one seat");
        if (usesPerSeat < 0) throw new AccessAdminException("uses per seat cannot be negative");
    }
}
