using DeepPlate.Web.Access;
using DeepPlate.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepPlate.Web.Pages;

/// <summary>
/// The login form: on success the authentication cookie, then the page asked for (the terms first if they are not
/// accepted yet, by <see cref="TermsGate"/>). A wrong password and an unknown user get the same answer; a locked
/// account is told until when.
/// </summary>
public sealed class LoginModel(AccountLogin login) : PageModel
{
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string UserName { get; set; } = "";

    public void OnGet() => PageCaching.Forbid(Response);

    public async Task<IActionResult> OnPostAsync([FromForm] string? password)
    {
        PageCaching.Forbid(Response);
        var result = await login.LoginAsync(UserName ?? "", password ?? "", HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case LoginOutcome.Succeeded:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, UserClaims.Principal(result.User!, CookieAuthenticationDefaults.AuthenticationScheme));
                // Only a path of this site: an open redirect would let a link send a fresh login elsewhere.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case LoginOutcome.LockedOut:
                Error = AccessAuthentication.LockedMessage(result.LockedUntil!.Value);
                break;
            default:
                Error = "wrong user name or password";
                break;
        }
        return Page();
    }
}
