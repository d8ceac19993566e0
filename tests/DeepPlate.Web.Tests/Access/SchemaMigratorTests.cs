using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>The schema created and migrated at start, on both databases.</summary>
public sealed class SchemaMigratorTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Start_creates_exactly_the_documented_tables_and_columns(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);

        var schema = await store.SchemaAsync();

        Assert.Equal(new Dictionary<string, string[]>
        {
            ["audit"] = ["id", "user_id", "licence_id", "at", "country"],
            ["data_protection_keys"] = ["id", "name", "xml"],
            ["institutions"] = ["id", "name", "country"],
            ["licences"] = ["id", "institution_id", "name", "seats", "active_until", "uses_per_seat"],
            ["schema_version"] = ["version", "applied_at"],
            ["usage"] = ["licence_id", "month", "used"],
            ["user_licences"] = ["user_id", "licence_id"],
            ["users"] = ["id", "institution_id", "user_name", "password_hash", "is_admin", "failed_logins", "locked_until", "terms_version", "terms_accepted_at", "security_stamp", "removed_at"],
        }, schema);
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_second_start_applies_nothing_and_keeps_the_data(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        var (_, licence, user) = await store.SeedAsync();
        await store.Ledger.ConsumeAsync(user.Id, licence.Id, "de");
        var before = await store.DumpAsync();

        Assert.Equal(0, await SchemaMigrator.MigrateAsync(store.Db, store.Clock));

        Assert.Empty(TestStore.ChangedTables(before, await store.DumpAsync()));
        Assert.Equal(Migrations.All.Count, await store.SqlAsync("SELECT COUNT(*) FROM schema_version"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Instances_starting_together_apply_each_step_once(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind, migrate: false);

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SchemaMigrator.MigrateAsync(store.Db, store.Clock))));

        Assert.Equal(Migrations.All.Count, applied.Sum());
        Assert.Equal(Migrations.All.Select(m => (long)m.Version), (await store.DumpAsync())["schema_version"].Select(r => long.Parse(r[0])).Order());
    }

    [Fact]
    public async Task Sqlite_keeps_a_write_ahead_log_and_syncs_every_commit()
    {
        await using var store = await TestStore.CreateAsync("sqlite");

        Assert.Equal("wal", await Pragma(store, "journal_mode"));
        Assert.Equal("2", await Pragma(store, "synchronous")); // FULL
        Assert.Equal("1", await Pragma(store, "foreign_keys"));
    }

    [Fact]
    public async Task The_database_is_a_sqlite_file_in_the_data_folder_unless_postgres_is_configured()
    {
        var root = Path.Combine(Path.GetTempPath(), $"deepplate-root-{Guid.NewGuid():N}");
        try
        {
            var previous = Environment.GetEnvironmentVariable("DEEPPLATE_DATA");
            await using (var db = AccessDatabase.Create(new AccessOptions(), root))
            {
                var sqlite = Assert.IsType<SqliteAccessDatabase>(db);
                Assert.Equal(Path.Combine(AccessOptions.DataFolder(root), "deepplate.db"), sqlite.FilePath);
                if (string.IsNullOrEmpty(previous)) Assert.Equal(Path.Combine(root, "data", "deepplate.db"), sqlite.FilePath);
            }
            await using (var db = AccessDatabase.Create(new AccessOptions { Database = $"Data Source={root}/other.db" }, root))
                Assert.Equal($"{root}/other.db", Assert.IsType<SqliteAccessDatabase>(db).FilePath);
            await using (var db = AccessDatabase.Create(new AccessOptions { Postgres = "Host=/nowhere;Username=x" }, root))
                Assert.IsType<PostgresAccessDatabase>(db);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string> Pragma(TestStore store, string name)
    {
        await using var connection = await store.Db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
