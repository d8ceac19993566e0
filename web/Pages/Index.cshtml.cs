using DeepPlate.Web.Access;
using DeepPlate.Web.Features.Access;
using DeepPlate.Web.Features.Templates;
using DeepPlate.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepPlate.Web.Pages;

/// <summary>
/// The reader's one page, in three steps the browser switches between (upload, selection, results): the picture,
/// the corners and the results stay in this tab's memory, so several tabs read several plates at once and nothing
/// is sent before Continue. The page carries the antiforgery token its read request sends back. It is shown to a
/// logged-in user who has accepted the terms (TermsGate) and meets the access requirements, with a choice of licence.
/// </summary>
public sealed class IndexModel(IAntiforgery antiforgery, IReadOnlyList<CountryChoice> countries, AccessRequirements requirements, UseLedger uses, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CountryChoice> Countries => countries;

    public string Token { get; private set; } = "";

    /// <summary>The user's licences with an active plan and what is left of them this month (the read consumes the
    /// chosen one).</summary>
    public IReadOnlyList<LicenceUses> Licences { get; private set; } = [];

    /// <summary>The licence chosen when the page opens: the first with a use left (a licence with none is shown,
    /// disabled, with the day its count starts again); null when the user has no licence.</summary>
    public LicenceUses? Chosen => Licences.FirstOrDefault(l => l.Left > 0) ?? Licences.FirstOrDefault();

    /// <summary>When this month's counts start again, as the page prints it.</summary>
    public string ResetDate { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        PageCaching.Forbid(Response);
        var user = User.UserId()!.Value;
        // No active plan, or an institution in a country not served: the access page says which.
        if (!(await requirements.CheckAsync(user, HttpContext.RequestAborted)).Granted) return Redirect("/access");
        Licences = [.. (await uses.ListAsync(user, HttpContext.RequestAborted)).Where(l => l.Active)];
        ResetDate = UsesLeftText.Date(UsesLeftText.ResetDate(clock.GetUtcNow()));
        Token = antiforgery.GetAndStoreTokens(HttpContext).RequestToken ?? "";
        return Page();
    }
}
