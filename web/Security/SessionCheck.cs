using DeepPlate.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DeepPlate.Web.Security;

/// <summary>
/// The login cookie is checked against the store on every request: its security stamp must still be the user's
/// (<see cref="SecurityStamps"/>; a cookie without one, made before stamps existed, is refused), else the cookie is
/// refused and deleted, and the request is anonymous (a page visit
/// goes to the login page, the API answers 401). One indexed row read per request with a cookie; tools using HTTP
/// Basic are checked by their password on every call anyway.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.UserId() is not { } user || principal.SecurityStamp() is not { } carried
            || await context.HttpContext.RequestServices.GetRequiredService<SecurityStamps>().CurrentAsync(user, context.HttpContext.RequestAborted) != carried)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
