using DeepPlate.Synth;
using DeepPlate.Web.Features.Reading;
using DeepPlate.Web.Features.Templates;
using DeepPlate.Web.Security;
using Microsoft.AspNetCore.DataProtection;

namespace DeepPlate.Web.Hosting;

/// <summary>Everything the app registers, in one place so Program.cs stays a list of features.</summary>
public static class WebServices
{
    public static WebApplicationBuilder AddDeepPlate(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(WebLimits.Section).Get<WebLimits>() ?? new WebLimits();
        var services = builder.Services;
        services.Configure<WebLimits>(builder.Configuration.GetSection(WebLimits.Section));

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // The read endpoints count the form's bytes themselves (413 past MaxRequestBytes); this stops anything
            // bigger at the door, with room for the multipart headers.
            k.Limits.MaxRequestBodySize = limits.MaxRequestBytes + 64 * 1024;
        });

        // Antiforgery tokens are protected by keys held in memory only: nothing is written to disk (the default
        // would keep them under ~/.aspnet). A restart invalidates open pages' tokens (reload). Issue 8, with
        // several instances, needs shared keys.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = ReadEndpoints.AntiforgeryHeader;
            o.Cookie.Name = "deepplate-csrf";
            // Our own X-Frame-Options (DENY) is set on every response.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddRazorPages();
        services.AddOpenApi();
        services.AddReadRateLimit(limits);

        services.AddModels(builder.Configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PlateReading>();
        services.AddSingleton(_ => FontCatalog.Default);
        services.AddSingleton<TemplatePictures>();
        services.AddSingleton(sp => CountryChoices.Build(sp.GetRequiredService<DeepPlate.Formats.FormatRegistry>(), sp.GetRequiredService<DeepPlate.Inference.ModelCatalog>()));
        return builder;
    }
}
