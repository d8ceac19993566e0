using DeepPlate.Web.Access;
using DeepPlate.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepPlate.Web.Pages;

/// <summary>Logging out is a POST with the antiforgery token (a link or a picture on another site cannot log a user
/// out); GET shows the button. Logging out ends every session of the account (a new security stamp).</summary>
public sealed class LogoutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SecurityStamps stamps)
    {
        // A new stamp, not only a deleted cookie: a copy of the cookie (another tab's, a stolen one) stops working too.
        if (User.UserId() is { } user) await stamps.RenewAsync(user, HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/login");
    }
}
