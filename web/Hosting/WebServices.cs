using DeepPlate.Synth;
using DeepPlate.Web.Features.Access;
using DeepPlate.Web.Features.Reading;
using DeepPlate.Web.Features.Templates;
using DeepPlate.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace DeepPlate.Web.Hosting;

/// <summary>Everything the app registers, in one place so Program.cs stays a list of features.</summary>
public static class WebServices
{
    /// <summary>A folder for the data-protection keys instead of the access database.</summary>
    public const string KeysFolderSetting = "DataProtection:KeysFolder";

    public static WebApplicationBuilder AddDeepPlate(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Read when first needed, not now: configuration added later (tests, command line) counts too.
        services.Configure<WebLimits>(builder.Configuration.GetSection(WebLimits.Section));
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<WebLimits>>((k, limits) =>
        {
            k.AddServerHeader = false;
            // The read endpoints count the form's bytes themselves (413 past MaxRequestBytes) and read what is left
            // of a refused body, so the client gets the 413 rather than a reset; this stops anything bigger than
            // twice the limit at the door (the connection is dropped).
            k.Limits.MaxRequestBodySize = 2 * limits.Value.MaxRequestBytes + 64 * 1024;
        });

        // The login cookie and the antiforgery tokens are protected by keys kept in the access database
        // (DatabaseKeys), or in DataProtection:KeysFolder when set: restarts and several instances share them.
        var protection = services.AddDataProtection().SetApplicationName("DeepPlate.Web");
        if (builder.Configuration[KeysFolderSetting] is { Length: > 0 } folder) protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        else services.AddOptions<KeyManagementOptions>().Configure<Access.AccessDatabase>((o, db) => o.XmlRepository = new DatabaseKeys(db));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = ReadEndpoints.AntiforgeryHeader;
            o.Cookie.Name = "deepplate-csrf";
            // Our own X-Frame-Options (DENY) is set on every response.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddRazorPages().AddMvcOptions(o => o.Filters.Add(new StaleFormRedirect()));
        services.AddOpenApi();
        services.AddReadRateLimit();
        services.AddTrustedProxies(builder.Configuration);

        services.AddModels(builder.Configuration);
        services.AddAccess(builder.Configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PlateReading>();
        services.AddSingleton<DecodeBudget>();
        services.AddSingleton(_ => FontCatalog.Default);
        services.AddSingleton<TemplatePictures>();
        services.AddSingleton(sp => CountryChoices.Build(sp.GetRequiredService<DeepPlate.Formats.FormatRegistry>(), sp.GetRequiredService<DeepPlate.Inference.ModelCatalog>()));
        return builder;
    }
}
