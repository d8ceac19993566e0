using DeepPlate.Web.Access;
using DeepPlate.Web.Features.Reading;

namespace DeepPlate.Web.Security;

/// <summary>
/// A logged-in user who has not accepted the current Terms and Conditions reaches nothing but the terms page (and
/// logout, the stylesheet and scripts): a page visit is sent to <c>/terms</c>, anything else (the API, the page's
/// read request, a form post) gets a 403 saying so. The version accepted travels in the user's claims
/// (<see cref="UserClaims.TermsClaim"/>), renewed when the user accepts.
/// </summary>
public static class TermsGate
{
    public const string Refusal = "accept the Terms and Conditions first (at /terms)";

    private static readonly string[] Open = ["/terms", "/access", "/logout", "/login", "/css", "/js", "/health"];

    public static IApplicationBuilder UseTermsGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.UserId() is null || Open.Any(p => context.Request.Path.StartsWithSegments(p))
            || user.AcceptedTerms() == context.RequestServices.GetRequiredService<TermsAcceptance>().CurrentVersion)
        {
            await next(context);
            return;
        }
        context.Response.Headers.CacheControl = "no-store";
        if (AccessAuthentication.IsPageVisit(context.Request))
        {
            context.Response.Redirect("/terms?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new ReadError(Refusal));
    });
}
