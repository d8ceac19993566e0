using DeepPlate.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepPlate.Web.Pages;

/// <summary>
/// Where a logged-in user who opens a page their account may not see (the admin area, for a reader) is sent: the
/// site's own page with the account's header and a plain "not allowed", answered 403, instead of a JSON error meant
/// for tools (<see cref="AccessAuthentication"/>).
/// </summary>
public sealed class NotAllowedModel : PageModel
{
    /// <summary>The path that was refused (only a local one is named).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Refused => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    public void OnGet()
    {
        PageCaching.Forbid(Response);
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
