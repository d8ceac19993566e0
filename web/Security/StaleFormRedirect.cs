using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DeepPlate.Web.Security;

/// <summary>
/// A form posted with an antiforgery token the server no longer accepts (a page kept open in another tab while the
/// user logged out or in again, or past the key's 90-day life) would get ASP.NET's blank 400. Instead the browser is sent back
/// to the same page (a redirect a browser follows with a GET, so the page comes afresh with a new token), which says what happened
/// (<c>Pages/Shared/_Expired.cshtml</c>); nothing of the post was done. Runs for results of authorization filters
/// too (an <see cref="IAlwaysRunResultFilter"/>), which is where the antiforgery check refuses.
/// </summary>
public sealed class StaleFormRedirect : IAlwaysRunResultFilter
{
    public const string Query = "expired";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not IAntiforgeryValidationFailedResult) return;
        var path = context.HttpContext.Request.PathBase + context.HttpContext.Request.Path;
        context.Result = new LocalRedirectResult($"{path}?{Query}=1");
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
