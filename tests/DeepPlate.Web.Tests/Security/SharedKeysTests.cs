using DeepPlate.Web.Tests.Access;

namespace DeepPlate.Web.Tests.Security;

/// <summary>The data-protection keys live in the access database: two instances on one database accept one login
/// cookie, and so does an instance started after the first stopped.</summary>
public sealed class SharedKeysTests
{
    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Two_instances_on_one_database_accept_one_cookie(string kind)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Limits:ReadsPerWindow"] = "0",
            [kind == "postgres" ? "Access:Postgres" : "Access:Database"] = kind == "postgres"
                ? await PostgresServer.CreateDatabaseAsync()
                : $"Data Source={TestStore.NewSqliteFile()}",
        };
        string cookie;
        using (var first = new ReaderApp(settings))
        using (var second = new ReaderApp(settings))
        {
            cookie = await SessionEndTests.LoginCookie(first, ReaderApp.ReaderName, ReaderApp.ReaderPassword);
            Assert.True(await SessionEndTests.Works(first, cookie));
            Assert.True(await SessionEndTests.Works(second, cookie), "the second instance refuses the first one's cookie");
        }
        using (var restarted = new ReaderApp(settings))
        {
            Assert.True(await SessionEndTests.Works(restarted, cookie), "a restart logs everyone out");
        }
        if (kind == "sqlite") Delete(settings["Access:Database"]!);
    }

    private static void Delete(string connection)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = connection["Data Source=".Length..];
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
    }

    [Fact]
    public async Task A_configured_folder_holds_the_keys_instead()
    {
        var folder = Directory.CreateTempSubdirectory("deepplate-keys-").FullName;
        try
        {
            var database = $"Data Source={TestStore.NewSqliteFile()}";
            var settings = new Dictionary<string, string?> { ["Access:Database"] = database, ["DataProtection:KeysFolder"] = folder };
            string cookie;
            using (var first = new ReaderApp(settings))
            {
                cookie = await SessionEndTests.LoginCookie(first, ReaderApp.ReaderName, ReaderApp.ReaderPassword);
            }
            Assert.NotEmpty(Directory.GetFiles(folder, "key-*.xml"));
            using var restarted = new ReaderApp(settings);
            Assert.True(await SessionEndTests.Works(restarted, cookie));
            // Without the folder, an instance on the same database has the database's keys, not these.
            using var other = new ReaderApp(new Dictionary<string, string?> { ["Access:Database"] = database });
            Assert.False(await SessionEndTests.Works(other, cookie));
            other.Dispose();
            Delete(database);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
