namespace DeepPlate.Web.Access;

/// <summary>
/// Whether a user may read plates at all, and if not, which requirement is missing, so the page can say so rather
/// than just refuse.
/// </summary>
public sealed class AccessRequirements(AccessDatabase db, SupportedCountries countries, TermsAcceptance terms, TimeProvider clock)
{
    /// <summary>The requirements <paramref name="userId"/> misses; an unknown user misses them all.</summary>
    public async Task<AccessCheck> CheckAsync(long userId, CancellationToken cancel = default)
    {
        await using var connection = await db.OpenAsync(cancel);
        var user = await connection.SingleOrDefaultAsync(null, $"SELECT {Rows.UserColumns} FROM users u WHERE u.id = @id AND u.removed_at IS NULL", Rows.User, ("id", userId));
        var country = await connection.SingleOrDefaultAsync(null,
            "SELECT i.country FROM users u JOIN institutions i ON i.id = u.institution_id WHERE u.id = @id", r => r.Text("country"), ("id", userId));
        // Only licences of the user's own institution count, as for consuming (UseLedger).
        var activePlans = await connection.LongAsync(null, """
            SELECT COUNT(*) FROM user_licences ul
            JOIN users u ON u.id = ul.user_id
            JOIN licences l ON l.id = ul.licence_id
            WHERE ul.user_id = @id AND u.institution_id = l.institution_id AND l.active_until >= @today
            """, ("id", userId), ("today", StoredValues.Date(StoredValues.Today(clock.GetUtcNow()))));

        var missing = new List<AccessRequirement>();
        if (activePlans is not > 0) missing.Add(AccessRequirement.ActivePlan);
        if (country is null || !countries.Contains(country)) missing.Add(AccessRequirement.SupportedCountry);
        if (user is null || !terms.HasAccepted(user)) missing.Add(AccessRequirement.AcceptedTerms);
        return new(missing);
    }
}
