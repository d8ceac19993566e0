using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DeepPlate.Web.Hosting;

/// <summary>
/// Behind a reverse proxy the app sees the proxy's address and scheme: the rate limit would count the proxy, and the
/// login cookie would lose <c>Secure</c> (it follows the request's scheme). <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are therefore applied, but only from the proxies named in the configuration
/// (<c>Proxies:Addresses</c>, IP addresses, and <c>Proxies:Networks</c>, CIDR ranges such as <c>10.0.0.0/8</c>):
/// from anyone else they are ignored, or a client could claim any address and escape the rate limit. Nothing
/// configured: no proxy is trusted (not even loopback, ASP.NET's own default).
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Proxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            var section = configuration.GetSection(Section);
            foreach (var address in Entries(section, "Addresses"))
            {
                o.KnownProxies.Add(IPAddress.TryParse(address, out var ip) ? ip : throw new InvalidOperationException($"{Section}:Addresses: '{address}' is not an IP address"));
            }
            foreach (var network in Entries(section, "Networks"))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var n) ? n : throw new InvalidOperationException($"{Section}:Networks: '{network}' is not a CIDR range (e.g. 10.0.0.0/8)"));
            }
        });

    /// <summary>Applies the forwarded headers when a proxy is configured. Not at all otherwise: ASP.NET's middleware
    /// with both lists empty checks no address and would believe any client.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        return options.KnownProxies.Count + options.KnownIPNetworks.Count > 0 ? app.UseForwardedHeaders() : app;
    }

    /// <summary>A list setting's non-blank entries (an entry emptied on the command line is no entry).</summary>
    private static IEnumerable<string> Entries(IConfigurationSection section, string key) =>
        (section.GetSection(key).Get<string[]>() ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim());
}
