using DeepPlate.Web.Features.Templates;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepPlate.Web.Pages;

/// <summary>
/// The reader's one page, in three steps the browser switches between (upload, selection, results): the picture,
/// the corners and the results stay in this tab's memory, so several tabs read several plates at once and nothing
/// is sent before Continue. The page carries the antiforgery token its read request sends back.
/// </summary>
public sealed class IndexModel(IAntiforgery antiforgery, IReadOnlyList<CountryChoice> countries) : PageModel
{
    public IReadOnlyList<CountryChoice> Countries => countries;

    public string Token { get; private set; } = "";

    public void OnGet()
    {
        Token = antiforgery.GetAndStoreTokens(HttpContext).RequestToken ?? "";
        Response.Headers.CacheControl = "no-store";
    }
}
