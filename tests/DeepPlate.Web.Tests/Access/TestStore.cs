using System.Data.Common;
using DeepPlate.Web.Access;
using Microsoft.Data.Sqlite;

namespace DeepPlate.Web.Tests.Access;

/// <summary>
/// A migrated, empty access database of either kind (a temporary SQLite file, or a new database on the test
/// PostgreSQL server) with the store's services over it and a clock the test moves. The store tests are theories
/// over <see cref="Kinds"/>, so every rule is checked on both databases.
/// </summary>
internal sealed class TestStore : IAsyncDisposable
{
    public static readonly TheoryData<string> Kinds = new() { "sqlite", "postgres" };

    /// <summary>The supported countries of the format registry.</summary>
    public static readonly SupportedCountries Countries = new(["de", "es", "fr", "it", "nl", "se", "uk", "us"]);

    private readonly string? sqliteFile;

    private TestStore(AccessDatabase db, AccessOptions options, string? sqliteFile)
    {
        Db = db;
        Options = options;
        this.sqliteFile = sqliteFile;
        Terms = new(db, options, Clock);
    }

    public AccessDatabase Db { get; }
    public AccessOptions Options { get; }
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 14, 10, 0, 0, TimeSpan.Zero));
    public TermsAcceptance Terms { get; }
    public AccessAdmin Admin => new(Db, Options);
    public UseLedger Ledger => new(Db, Countries, Clock);
    public AccountLogin Login => new(Db, Options, Clock);
    public AccessRequirements Requirements => new(Db, Countries, Terms, Clock);
    public DateOnly Today => DateOnly.FromDateTime(Clock.Now.UtcDateTime);

    /// <summary>Where the tests' SQLite files go: beside TMPDIR (<see cref="TestEnvironment.TempFolder"/>), not in it,
    /// because the "nothing written" test watches TMPDIR for anything the app writes.</summary>
    public static string NewSqliteFile()
    {
        var folder = Path.Combine(Path.GetDirectoryName(TestEnvironment.TempFolder)!, "deepplate-web-access");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    /// <summary>A database of <paramref name="kind"/>, migrated unless <paramref name="migrate"/> is false.</summary>
    public static async Task<TestStore> CreateAsync(string kind, AccessOptions? options = null, bool migrate = true)
    {
        options ??= new AccessOptions();
        TestStore store;
        if (kind == "sqlite")
        {
            var file = NewSqliteFile();
            store = new(new SqliteAccessDatabase($"Data Source={file}"), options, file);
        }
        else
        {
            store = new(new PostgresAccessDatabase(await PostgresServer.CreateDatabaseAsync()), options, null);
        }
        if (migrate) await SchemaMigrator.MigrateAsync(store.Db, store.Clock);
        return store;
    }

    /// <summary>An institution with one licence and one user associated with it (password "password-1").</summary>
    public async Task<(Institution Institution, Licence Licence, AccessUser User)> SeedAsync(
        string institution = "Bundeskriminalamt", string country = "de", int seats = 1, int usesPerSeat = 50, DateOnly? activeUntil = null, string user = "anna")
    {
        var i = await Admin.CreateInstitutionAsync(institution, country);
        var l = await Admin.CreateLicenceAsync(i.Id, "main", seats, activeUntil ?? Today.AddDays(30), usesPerSeat);
        var u = await AddUserAsync(i, l, user);
        return (i, l, u);
    }

    public async Task<AccessUser> AddUserAsync(Institution institution, Licence licence, string name)
    {
        var u = await Admin.CreateUserAsync(name, "password-1", institution.Id);
        await Admin.AssociateAsync(u.Id, licence.Id);
        return u;
    }

    /// <summary>Every row of every table as text, by table name (for "nothing of a reading is stored").</summary>
    public Task<Dictionary<string, List<string[]>>> DumpAsync() => DumpAsync(Db);

    /// <summary>Every row of every table of <paramref name="db"/> as text, by table name.</summary>
    public static async Task<Dictionary<string, List<string[]>>> DumpAsync(AccessDatabase db)
    {
        await using var connection = await db.OpenAsync();
        var dump = new Dictionary<string, List<string[]>>();
        foreach (var table in await TablesAsync(db, connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string[]>();
            while (await reader.ReadAsync())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
            }
            dump[table] = rows;
        }
        return dump;
    }

    /// <summary>The tables whose rows differ between two dumps (or that only one has), by name.</summary>
    public static IReadOnlyList<string> ChangedTables(Dictionary<string, List<string[]>> before, Dictionary<string, List<string[]>> after) =>
        [.. before.Keys.Union(after.Keys).Where(t => !before.TryGetValue(t, out var a) || !after.TryGetValue(t, out var b)
            || a.Count != b.Count || !a.Zip(b).All(p => p.First.SequenceEqual(p.Second))).Order(StringComparer.Ordinal)];

    /// <summary>Table name to its column names, in order, as the database reports them.</summary>
    public async Task<Dictionary<string, string[]>> SchemaAsync()
    {
        await using var connection = await Db.OpenAsync();
        var schema = new Dictionary<string, string[]>();
        foreach (var table in await TablesAsync(Db, connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} WHERE 1 = 0";
            await using var reader = await command.ExecuteReaderAsync();
            schema[table] = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
        }
        return schema;
    }

    /// <summary>Runs one statement directly (for states the store itself refuses to create).</summary>
    public async Task<long?> SqlAsync(string sql, params (string, object?)[] args)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.LongAsync(null, sql, args);
    }

    private static async Task<List<string>> TablesAsync(AccessDatabase db, DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = db is SqliteAccessDatabase
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name";
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        if (sqliteFile is null) return;
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" }) File.Delete(f);
    }
}
