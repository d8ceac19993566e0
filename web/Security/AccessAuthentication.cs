using DeepPlate.Web.Features.Reading;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepPlate.Web.Security;

/// <summary>
/// Who is calling: a cookie set by the login page (browsers), or HTTP Basic on the same accounts (tools). Every page
/// but the login page needs a login, the admin area an administrator; the read endpoints need a login too
/// (<see cref="ReadEndpoints"/>). Calls that are not page visits (the API, the page's own read request) get a 401
/// or 403 with a JSON error instead of a redirect to the login page.
/// </summary>
public static class AccessAuthentication
{
    public const string Scheme = "DeepPlate";
    public const string AdminPolicy = "admin";
    public const string CookieName = "deepplate-auth";
    public const string LoginFirst = "log in first: a browser at /login, a tool with HTTP Basic authentication";

    public static string LockedMessage(DateTimeOffset until) =>
        $"too many wrong passwords: the account is locked until {until.UtcDateTime:HH:mm} UTC";

    public static IServiceCollection AddAccessAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith(BasicAuthentication.Name + " ", StringComparison.OrdinalIgnoreCase)
                    ? BasicAuthentication.Name
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthentication>(BasicAuthentication.Name, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
                o.Events.OnRedirectToLogin = context =>
                {
                    if (IsPageVisit(context.Request)) return Redirect(context);
                    // Tools learn they may use Basic; the page's own requests (not /api) must not make the browser
                    // open its password dialog.
                    if (context.Request.Path.StartsWithSegments("/api")) context.Response.Headers.WWWAuthenticate = BasicAuthentication.Challenge;
                    return Json(context.Response, StatusCodes.Status401Unauthorized, LoginFirst);
                };
                o.AccessDeniedPath = "/not-allowed";
                // A browser opening a page (a reader at /admin) sees the site's own "not allowed" page; a tool or a
                // form post gets the JSON error.
                o.Events.OnRedirectToAccessDenied = context => IsPageVisit(context.Request)
                    ? Redirect(context)
                    : Json(context.Response, StatusCodes.Status403Forbidden, "this needs an administrator's account");
            });
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(UserClaims.AdminRole));
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AllowAnonymousToPage("/Logout");
            o.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
        });
        return services;
    }

    /// <summary>A browser asking for a page (GET, not the API): sent to the login page rather than refused.</summary>
    public static bool IsPageVisit(HttpRequest request) => HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/api");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task Json(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        return response.WriteAsJsonAsync(new ReadError(message));
    }
}
