using DeepPlate.Web.Access;
using DeepPlate.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepPlate.Web.Pages;

/// <summary>
/// The Terms and Conditions, and accepting them: the version and the time are recorded on the account
/// (<see cref="TermsAcceptance"/>) and the login cookie is renewed with the accepted version, which
/// <see cref="TermsGate"/> checks on every request.
/// </summary>
public sealed class TermsModel(TermsAcceptance terms, AccessAdmin accounts) : PageModel
{
    public string Version => terms.CurrentVersion;

    /// <summary>When the user accepted the current version, or null.</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        PageCaching.Forbid(Response);
        var user = await accounts.FindUserAsync(User.UserId()!.Value, HttpContext.RequestAborted);
        if (user is null) return await SignOut();
        if (terms.HasAccepted(user))
        {
            AcceptedAt = user.TermsAcceptedAt;
            // Accepted elsewhere (another browser): this cookie learns it here.
            if (User.AcceptedTerms() != terms.CurrentVersion) await Renew(user);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var id = User.UserId()!.Value;
        await terms.AcceptAsync(id, HttpContext.RequestAborted);
        var user = await accounts.FindUserAsync(id, HttpContext.RequestAborted);
        if (user is null) return await SignOut();
        await Renew(user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private Task Renew(AccessUser user) =>
        HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, UserClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));

    private async Task<IActionResult> SignOut()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/login");
    }
}
