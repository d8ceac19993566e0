namespace DeepPlate.Web.Access;

/// <summary>
/// An account. Users belong to one institution and use some of its licences; the administrator belongs to none. The
/// password hash never leaves the store. <see cref="SecurityStamp"/> is the session generation the login cookie must
/// carry (<see cref="SecurityStamps"/>).
/// </summary>
public sealed record AccessUser(
    long Id,
    long? InstitutionId,
    string UserName,
    bool IsAdmin,
    int FailedLogins,
    DateTimeOffset? LockedUntil,
    string? TermsVersion,
    DateTimeOffset? TermsAcceptedAt,
    string SecurityStamp = "")
{
    /// <summary>User names are compared without case: stored lower-case, so the UNIQUE index decides.</summary>
    public static string Normalise(string userName) => userName.Trim().ToLowerInvariant();
}
