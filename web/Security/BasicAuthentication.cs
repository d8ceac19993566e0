using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using DeepPlate.Web.Access;
using DeepPlate.Web.Features.Reading;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DeepPlate.Web.Security;

/// <summary>
/// HTTP Basic authentication over the same accounts, for tools calling <c>POST /api/read</c> without a browser: the
/// same password check, failure count and lockout as the login page (<see cref="AccountLogin"/>). Only looked at when
/// a request carries <c>Authorization: Basic</c> (see <see cref="AccessAuthentication"/>); use it over HTTPS.
/// </summary>
public sealed class BasicAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountLogin login)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Basic";
    public const string Challenge = "Basic realm=\"DeepPlate\", charset=\"UTF-8\"";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || !header.Scheme.Equals(Name, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? ""));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("the Basic credentials are not base64");
        }
        var colon = decoded.IndexOf(':');
        if (colon < 0) return AuthenticateResult.Fail("the Basic credentials need user:password");
        var result = await login.LoginAsync(decoded[..colon], decoded[(colon + 1)..], Context.RequestAborted);
        return result.Outcome switch
        {
            LoginOutcome.Succeeded => AuthenticateResult.Success(new AuthenticationTicket(UserClaims.Principal(result.User!, Name), Name)),
            LoginOutcome.LockedOut => AuthenticateResult.Fail(AccessAuthentication.LockedMessage(result.LockedUntil!.Value)),
            _ => AuthenticateResult.Fail("wrong user name or password"),
        };
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Challenge;
        await Response.WriteAsJsonAsync(new ReadError(failure ?? AccessAuthentication.LoginFirst));
    }
}
