namespace DeepPlate.Web.Hosting;

/// <summary>
/// <c>dotnet run --project web</c> serves on http://127.0.0.1:5000: loopback only, so a reader started on a
/// laptop is not reachable from the network unless someone asks for it with <c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>/<c>DOTNET_URLS</c>, <c>--http_ports</c> or a Kestrel endpoint in the configuration.
/// </summary>
public static class DefaultUrl
{
    public const string Url = "http://127.0.0.1:5000";

    public static void UseLoopbackUnlessConfigured(this WebApplicationBuilder builder)
    {
        var c = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(c["urls"]) || !string.IsNullOrWhiteSpace(c["http_ports"]) || !string.IsNullOrWhiteSpace(c["https_ports"])
            || c.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured) builder.WebHost.UseUrls(Url);
    }
}
