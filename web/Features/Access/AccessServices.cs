using DeepPlate.Formats;
using DeepPlate.Web.Access;
using DeepPlate.Web.Security;
using Microsoft.Extensions.Options;

namespace DeepPlate.Web.Features.Access;

/// <summary>
/// Access to the reader (issue 8): the store (web/Access), authentication, and the database prepared at start.
/// </summary>
public static class AccessServices
{
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessOptions>(configuration.GetSection(AccessOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AccessOptions>>().Value);
        services.AddSingleton(sp => AccessDatabase.Create(sp.GetRequiredService<AccessOptions>(), sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp => SupportedCountries.From(sp.GetRequiredService<FormatRegistry>()));
        services.AddSingleton<UseLedger>();
        services.AddSingleton<AccountLogin>();
        services.AddSingleton<TermsAcceptance>();
        services.AddSingleton<AccessRequirements>();
        services.AddSingleton<AccessAdmin>();
        services.AddSingleton<SecurityStamps>();
        services.AddSingleton<ReadUses>();
        services.AddAccessAuthentication();
        return services;
    }

    /// <summary>
    /// Before serving: the schema created or migrated, and on an empty database the administrator, whose password
    /// (<c>DEEPPLATE_ADMIN_PASSWORD</c> from the environment or configuration, else generated) is printed once to
    /// standard output.
    /// </summary>
    public static void PrepareAccess(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<AccessDatabase>();
        SchemaMigrator.MigrateAsync(db, app.Services.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult();
        FirstAdministrator.EnsureAsync(db, app.Configuration[FirstAdministrator.PasswordVariable], Console.Out).GetAwaiter().GetResult();
    }
}
