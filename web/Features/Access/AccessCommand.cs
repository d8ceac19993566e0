using System.Globalization;
using DeepPlate.Web.Access;

namespace DeepPlate.Web.Features.Access;

/// <summary>
/// The admin area's work from a shell (scripts, a first setup without a browser), on the database the reader would
/// use with the same configuration:
/// <code>
/// dotnet run --project web -- access list
/// dotnet run --project web -- access institution "Bundeskriminalamt" de
/// dotnet run --project web -- access licence "Bundeskriminalamt" main 10 2027-12-31 [USES-PER-SEAT]
/// dotnet run --project web -- access user anna "Bundeskriminalamt" [LICENCE...]   (password: DEEPPLATE_PASSWORD, else generated and printed)
/// </code>
/// Configuration options (<c>--Access:Postgres=...</c>) may follow. On a new database the administrator is created
/// first, as at the server's first start. Exit code 0, or 1 with the reason on stderr.
/// </summary>
public static class AccessCommand
{
    public const string Verb = "access";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var builder = WebApplication.CreateBuilder(args[words.Length..]);
        var options = builder.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        await using var db = AccessDatabase.Create(options, builder.Environment.ContentRootPath);
        await SchemaMigrator.MigrateAsync(db, TimeProvider.System);
        // As at the server's first start: a new database gets its administrator whichever starts first.
        await FirstAdministrator.EnsureAsync(db, builder.Configuration[FirstAdministrator.PasswordVariable], output);
        var admin = new AccessAdmin(db, options);
        try
        {
            switch (words)
            {
                case ["list"]:
                    await List(admin, output);
                    return 0;
                case ["institution", var name, var country]:
                    output.WriteLine($"institution {(await admin.CreateInstitutionAsync(name, country)).Id}");
                    return 0;
                case ["licence", var institution, var name, var seats, var until, .. var perSeat] when perSeat.Length <= 1:
                    var licence = await admin.CreateLicenceAsync(await InstitutionId(admin, institution), name, int.Parse(seats, CultureInfo.InvariantCulture),
                        DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture), perSeat.Length == 1 ? int.Parse(perSeat[0], CultureInfo.InvariantCulture) : null);
                    output.WriteLine($"licence {licence.Id}: {licence.MonthlyUses} uses a month until {until}");
                    return 0;
                case ["user", var userName, var institution, .. var licences]:
                    var id = await InstitutionId(admin, institution);
                    var own = await admin.LicencesAsync(id);
                    var chosen = licences.Select(l => own.FirstOrDefault(x => x.Name == l)?.Id ?? throw new AccessAdminException($"the institution has no licence '{l}'")).ToList();
                    var given = Environment.GetEnvironmentVariable("DEEPPLATE_PASSWORD") is { Length: > 0 } p ? p : null;
                    var password = given ?? Passwords.Generate();
                    var user = await admin.CreateUserAsync(userName, password, id);
                    foreach (var l in chosen) await admin.AssociateAsync(user.Id, l);
                    output.WriteLine(given is null ? $"user {user.UserName} created with the password {password}" : $"user {user.UserName} created");
                    return 0;
                default:
                    error.WriteLine("usage: access list | institution NAME COUNTRY | licence INSTITUTION NAME SEATS YYYY-MM-DD [USES-PER-SEAT] | user NAME INSTITUTION [LICENCE...]");
                    return 1;
            }
        }
        catch (Exception e) when (e is AccessAdminException or FormatException)
        {
            error.WriteLine($"access: {e.Message}");
            return 1;
        }
    }

    private static async Task<long> InstitutionId(AccessAdmin admin, string name) =>
        (await admin.InstitutionsAsync()).FirstOrDefault(i => i.Name == name)?.Id ?? throw new AccessAdminException($"no institution named '{name}'");

    private static async Task List(AccessAdmin admin, TextWriter output)
    {
        var institutions = await admin.InstitutionsAsync();
        foreach (var i in institutions) output.WriteLine($"institution\t{i.Id}\t{i.Name}\t{i.Country}");
        foreach (var l in await admin.LicencesAsync())
            output.WriteLine($"licence\t{l.Id}\t{institutions.Single(i => i.Id == l.InstitutionId).Name}\t{l.Name}\t{l.Seats} seats x {l.UsesPerSeat}\tuntil {l.ActiveUntil:yyyy-MM-dd}");
        foreach (var u in await admin.UsersAsync())
            output.WriteLine($"user\t{u.Id}\t{u.UserName}\t{(u.IsAdmin ? "administrator" : institutions.Single(i => i.Id == u.InstitutionId).Name)}\tterms {u.TermsVersion ?? "not accepted"}");
    }
}
