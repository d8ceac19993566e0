using System.Security.Claims;
using DeepPlate.Web.Access;

namespace DeepPlate.Web.Security;

/// <summary>
/// What the authentication cookie (or a Basic-authenticated request) says about the user: the account's id and name,
/// whether it is an administrator, the version of the terms it accepted, and the security stamp of the login (checked
/// against the store on every request: <see cref="SessionCheck"/>). The store stays the authority for
/// everything that can change between requests (licences, plans, uses).
/// </summary>
public static class UserClaims
{
    public const string AdminRole = "admin";
    public const string TermsClaim = "deepplate:terms";
    public const string StampClaim = "deepplate:stamp";

    public static ClaimsPrincipal Principal(AccessUser user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(TermsClaim, user.TermsVersion ?? ""),
            new(StampClaim, user.SecurityStamp),
        };
        if (user.IsAdmin) claims.Add(new(ClaimTypes.Role, AdminRole));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The account id of an authenticated user, or null.</summary>
    public static long? UserId(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? AcceptedTerms(this ClaimsPrincipal principal) => principal.FindFirstValue(TermsClaim);

    /// <summary>The security stamp the login carries (<see cref="SecurityStamps"/>), or null.</summary>
    public static string? SecurityStamp(this ClaimsPrincipal principal) => principal.FindFirstValue(StampClaim);
}
