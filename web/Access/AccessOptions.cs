namespace DeepPlate.Web.Access;

/// <summary>
/// Who may read and how much, from the <c>Access</c> section of appsettings.json (or <c>--Access:Name=value</c> on the
/// command line, or <c>Access__Name</c> in the environment). The defaults below are the documented ones.
/// </summary>
public sealed record AccessOptions
{
    public const string Section = "Access";

    /// <summary>The SQLite connection string. Empty: <c>deepplate.db</c> in the data folder (<see cref="DataFolder"/>),
    /// so the README's command needs nothing else.</summary>
    public string Database { get; init; } = "";

    /// <summary>A PostgreSQL connection string. When set, PostgreSQL is used instead of SQLite: several instances
    /// behind a load balancer then share one count of uses.</summary>
    public string Postgres { get; init; } = "";

    /// <summary>Uses a month that one seat of a licence gives, shared by all of the licence's users. A licence keeps
    /// the figure it was created with, so changing this changes new licences only.</summary>
    public int UsesPerSeatPerMonth { get; init; } = 50;

    /// <summary>The current version of the Terms and Conditions. Changing it makes every user accept them again.</summary>
    public string TermsVersion { get; init; } = "1";

    /// <summary>Wrong passwords in a row that lock an account.</summary>
    public int LockoutFailures { get; init; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; init; } = 15;

    /// <summary>Where the default SQLite file goes: <c>DEEPPLATE_DATA</c> if set, else <c>data/</c> under the content
    /// root (<c>web/data/</c> for <c>dotnet run --project web</c>, git-ignored).</summary>
    public static string DataFolder(string contentRoot) =>
        Environment.GetEnvironmentVariable("DEEPPLATE_DATA") is { Length: > 0 } dir ? dir : Path.Combine(contentRoot, "data");
}
