using System.Net.Http.Headers;
using DeepPlate.Web.Access;
using DeepPlate.Web.Tests.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DeepPlate.Web.Tests;

/// <summary>
/// The web app on a real Kestrel port on loopback (not the in-memory test server): the tests speak real HTTP, as a
/// browser or a tool would. <paramref name="settings"/> override appsettings.json (limits, model folder, access).
/// <para>
/// Access: each app has its own SQLite file outside the folders the "nothing written" test watches (unless the
/// settings name a database), the administrator's password is <see cref="AdminPassword"/>, and a reader account is
/// there (<see cref="ReaderName"/>: an institution in Germany, licence <see cref="ReaderLicence"/> with uses no test
/// spends, the terms accepted). <see cref="WebApplicationFactory{T}.CreateClient()"/> clients log in as that reader
/// with HTTP Basic, so the tests of reading need no login steps; <see cref="CreateAnonymousClient"/> is a client
/// without credentials (the access tests log in through the login page with it).
/// </para>
/// </summary>
public sealed class ReaderApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-password-1";
    public const string ReaderName = "reader";
    public const string ReaderPassword = "reader-password-1";
    /// <summary>The reader's licence: the first of a new database.</summary>
    public const string ReaderLicence = "1";

    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IWebHostBuilder>? configure;
    private readonly string? databaseFile;

    public ReaderApp(IReadOnlyDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null)
    {
        this.settings = settings ?? new Dictionary<string, string?>();
        this.configure = configure;
        if (!this.settings.ContainsKey("Access:Database") && !this.settings.ContainsKey("Access:Postgres"))
        {
            databaseFile = TestStore.NewSqliteFile();
        }
        UseKestrel(0);
        StartServer();
        SeedReaderAsync().GetAwaiter().GetResult();
    }

    /// <summary>Settings for most tests: a rate limit no test reaches, and the German model only, so that the tests
    /// of a country without a model keep one whatever countries ship.</summary>
    public static ReaderApp Default(Action<IWebHostBuilder>? configure = null) => new(new Dictionary<string, string?>
    {
        ["Limits:ReadsPerWindow"] = "0",
        ["Models:Directory"] = GermanOnly.Value,
    }, configure);

    private static readonly Lazy<string> GermanOnly = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "models-de-only");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "models", "de.onnx"), Path.Combine(folder, "de.onnx"), overwrite: true);
        return folder;
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting(FirstAdministrator.PasswordVariable, AdminPassword);
        if (databaseFile is not null) builder.UseSetting("Access:Database", $"Data Source={databaseFile}");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        configure?.Invoke(builder);
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = Basic(ReaderName, ReaderPassword);
    }

    /// <summary>A client with no credentials (it keeps cookies, so it can log in through the login page).</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>The app's address (http://127.0.0.1:port/).</summary>
    public Uri Address => ClientOptions.BaseAddress;

    /// <summary>A service of the running app (the access store, to set up and inspect accounts).</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    private async Task SeedReaderAsync()
    {
        var admin = Get<AccessAdmin>();
        if ((await admin.UsersAsync()).Any(u => u.UserName == ReaderName)) return; // a second app on the same database
        var institution = await admin.CreateInstitutionAsync("Test police", "de");
        var licence = await admin.CreateLicenceAsync(institution.Id, "main", 1000, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), 1000);
        if (licence.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) != ReaderLicence && databaseFile is not null)
            throw new InvalidOperationException($"the reader's licence is {licence.Id}, not {ReaderLicence}");
        var reader = await admin.CreateUserAsync(ReaderName, ReaderPassword, institution.Id);
        await admin.AssociateAsync(reader.Id, licence.Id);
        await Get<TermsAcceptance>().AcceptAsync(reader.Id);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (databaseFile is null) return;
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" }) File.Delete(f);
    }
}

/// <summary>One app shared by a test class.</summary>
public sealed class ReaderAppFixture : IDisposable
{
    public ReaderApp App { get; } = ReaderApp.Default();

    public void Dispose() => App.Dispose();
}
