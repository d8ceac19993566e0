namespace DeepPlate.Web.Access;

/// <summary>
/// The Terms and Conditions: a user must accept the current version (<see cref="AccessOptions.TermsVersion"/>) on
/// first access and again whenever it changes; the version and the time of acceptance are recorded on the account.
/// </summary>
public sealed class TermsAcceptance(AccessDatabase db, AccessOptions options, TimeProvider clock)
{
    public string CurrentVersion => options.TermsVersion;

    public bool HasAccepted(AccessUser user) => user.TermsVersion == options.TermsVersion && user.TermsAcceptedAt is not null;

    /// <summary>Records that the user accepted the current version now.</summary>
    public async Task AcceptAsync(long userId, CancellationToken cancel = default)
    {
        await using var connection = await db.OpenAsync(cancel);
        await connection.ExecuteAsync(null, "UPDATE users SET terms_version = @version, terms_accepted_at = @at WHERE id = @id",
            ("version", options.TermsVersion), ("at", StoredValues.Time(clock.GetUtcNow())), ("id", userId));
    }
}
