using System.Data.Common;

namespace DeepPlate.Web.Access;

/// <summary>
/// The monthly uses of licences. A read asks <see cref="CheckAsync"/> before reading (to refuse early, consuming
/// nothing) and <see cref="ConsumeAsync"/> after a successful read, before answering: a read that fails consumes
/// nothing, and a read whose use cannot be consumed answers a refusal instead of its result.
/// <para>Consuming is one transaction: the checks, the month's row, a conditional increment that only succeeds
/// below the limit (so concurrent reads can never overshoot it, on SQLite or PostgreSQL), and the audit row.</para>
/// </summary>
public sealed class UseLedger(AccessDatabase db, SupportedCountries countries, TimeProvider clock)
{
    // A licence as one user may use it: associated with the user AND of the user's own institution, so a stray
    // association with another institution's licence still gives nothing.
    private const string OwnLicences = $"""
        SELECT {Rows.LicenceColumns}, i.country
        FROM user_licences ul
        JOIN users u ON u.id = ul.user_id
        JOIN licences l ON l.id = ul.licence_id
        JOIN institutions i ON i.id = l.institution_id
        WHERE ul.user_id = @user AND u.institution_id = l.institution_id
        """;

    /// <summary>Consumes one use of <paramref name="licenceId"/> for <paramref name="userId"/>, who read a plate of
    /// <paramref name="plateCountry"/> (the only thing of the read that is kept, in the audit row).</summary>
    public async Task<UseResult> ConsumeAsync(long userId, long licenceId, string plateCountry, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow();
        var month = StoredValues.Month(now);
        await using var connection = await db.OpenAsync(cancel);
        await using var transaction = await db.BeginWriteAsync(connection, cancel);
        var licence = await FindAsync(connection, transaction, userId, licenceId);
        if (Refusal(licence, now) is { } refused)
        {
            await transaction.RollbackAsync(cancel);
            return refused;
        }
        var limit = licence!.Value.Licence.MonthlyUses;
        await connection.ExecuteAsync(transaction,
            "INSERT INTO usage (licence_id, month, used) VALUES (@licence, @month, 0) ON CONFLICT (licence_id, month) DO NOTHING",
            ("licence", licenceId), ("month", month));
        var used = await connection.LongAsync(transaction,
            "UPDATE usage SET used = used + 1 WHERE licence_id = @licence AND month = @month AND used < @limit RETURNING used",
            ("licence", licenceId), ("month", month), ("limit", limit));
        if (used is null)
        {
            await transaction.RollbackAsync(cancel);
            return new(UseOutcome.Exhausted);
        }
        await connection.ExecuteAsync(transaction, "INSERT INTO audit (user_id, licence_id, at, country) VALUES (@user, @licence, @at, @country)",
            ("user", userId), ("licence", licenceId), ("at", StoredValues.Time(now)), ("country", plateCountry.Trim().ToLowerInvariant()));
        await transaction.CommitAsync(cancel);
        return new(UseOutcome.Consumed, limit - used.Value);
    }

    /// <summary>Whether a use is left (<see cref="UseOutcome.Available"/>) without consuming it.</summary>
    public async Task<UseResult> CheckAsync(long userId, long licenceId, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(cancel);
        var licence = await FindAsync(connection, null, userId, licenceId);
        if (Refusal(licence, now) is { } refused) return refused;
        var used = await connection.LongAsync(null, "SELECT used FROM usage WHERE licence_id = @licence AND month = @month",
            ("licence", licenceId), ("month", StoredValues.Month(now))) ?? 0;
        var left = licence!.Value.Licence.MonthlyUses - used;
        return left > 0 ? new(UseOutcome.Available, left) : new(UseOutcome.Exhausted);
    }

    /// <summary>The user's licences (of the user's institution only) with this month's uses, by name.</summary>
    public async Task<IReadOnlyList<LicenceUses>> ListAsync(long userId, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow();
        var today = StoredValues.Today(now);
        await using var connection = await db.OpenAsync(cancel);
        return await connection.QueryAsync(null, $"""
            SELECT {Rows.LicenceColumns}, COALESCE(us.used, 0) AS used
            FROM user_licences ul
            JOIN users u ON u.id = ul.user_id
            JOIN licences l ON l.id = ul.licence_id
            LEFT JOIN usage us ON us.licence_id = l.id AND us.month = @month
            WHERE ul.user_id = @user AND u.institution_id = l.institution_id
            ORDER BY l.name, l.id
            """, r =>
            {
                var licence = Rows.Licence(r);
                return new LicenceUses(licence, r.Long("used"), licence.IsActiveOn(today));
            }, ("user", userId), ("month", StoredValues.Month(now)));
    }

    private async Task<(Licence Licence, string Country)?> FindAsync(DbConnection connection, DbTransaction? transaction, long userId, long licenceId)
    {
        var rows = await connection.QueryAsync(transaction, OwnLicences + " AND l.id = @licence",
            r => (Rows.Licence(r), r.Text("country")), ("user", userId), ("licence", licenceId));
        return rows.Count == 1 ? rows[0] : null;
    }

    private UseResult? Refusal((Licence Licence, string Country)? found, DateTimeOffset now) => found switch
    {
        null => new(UseOutcome.NotYours),
        var (licence, _) when !licence.IsActiveOn(StoredValues.Today(now)) => new(UseOutcome.PlanExpired),
        var (_, country) when !countries.Contains(country) => new(UseOutcome.CountryUnsupported),
        _ => null,
    };
}
