using System.Threading.RateLimiting;
using DeepPlate.Web.Features.Reading;
using DeepPlate.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DeepPlate.Web.Security;

/// <summary>
/// The read endpoints' rate limit: a fixed window per client IP address (<see cref="WebLimits.ReadsPerWindow"/>
/// per <see cref="WebLimits.RateWindowSeconds"/>), 429 with a plain-words JSON error beyond it. Issue 8 may
/// partition by institution instead; only <see cref="Partition"/> changes then.
/// </summary>
public static class ReadRateLimit
{
    public const string Policy = "reads";

    public static IServiceCollection AddReadRateLimit(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = async (context, token) =>
        {
            var limits = Limits(context.HttpContext);
            context.HttpContext.Response.Headers.RetryAfter = limits.RateWindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.HttpContext.Response.WriteAsJsonAsync(
                new ReadError($"too many reads from your address: at most {limits.ReadsPerWindow} per {limits.RateWindowSeconds} s; wait and try again"), token);
        };
        o.AddPolicy(Policy, context =>
        {
            var limits = Limits(context);
            return limits.ReadsPerWindow <= 0
                ? RateLimitPartition.GetNoLimiter("unlimited")
                : RateLimitPartition.GetFixedWindowLimiter(Partition(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.ReadsPerWindow,
                    Window = TimeSpan.FromSeconds(limits.RateWindowSeconds),
                    QueueLimit = 0,
                });
        });
    });

    private static WebLimits Limits(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<WebLimits>>().Value;

    private static string Partition(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
