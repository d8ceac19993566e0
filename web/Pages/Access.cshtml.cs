using DeepPlate.Web.Access;
using DeepPlate.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepPlate.Web.Pages;

/// <summary>The page that says which requirement is missing when the reader is refused: an active plan, an
/// institution in a served country, the current terms accepted.</summary>
public sealed class AccessModel(AccessRequirements requirements, SupportedCountries countries) : PageModel
{
    public static readonly IReadOnlyList<(AccessRequirement, string)> Texts =
    [
        (AccessRequirement.ActivePlan, "a licence of your institution, given to you, whose plan is active today"),
        (AccessRequirement.SupportedCountry, "your institution is in a country the reader serves"),
        (AccessRequirement.AcceptedTerms, "you accepted the current Terms and Conditions"),
    ];

    public AccessCheck Check { get; private set; } = new([]);

    public IReadOnlyList<string> Countries => countries.Codes;

    public async Task OnGetAsync()
    {
        PageCaching.Forbid(Response);
        Check = await requirements.CheckAsync(User.UserId()!.Value, HttpContext.RequestAborted);
    }
}
