using System.Text.RegularExpressions;
using DeepPlate.Web.Access;
using DeepPlate.Web.Features.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>The <c>access</c> command (the admin area from a shell) on a SQLite file.</summary>
public sealed class AccessCommandTests
{
    [Fact]
    public async Task The_command_sets_up_an_institution_a_licence_and_a_user_who_can_log_in()
    {
        var file = TestStore.NewSqliteFile();
        var database = $"--Access:Database=Data Source={file}";
        try
        {
            var (code, output, _) = await Run("institution", "Bundeskriminalamt", "de", database, $"--{FirstAdministrator.PasswordVariable}={ReaderApp.AdminPassword}");
            Assert.Equal(0, code);
            Assert.Contains("created the administrator 'admin'", output);
            Assert.Equal(0, (await Run("licence", "Bundeskriminalamt", "main", "3", "2027-12-31", "20", database)).Code);
            (code, output, _) = await Run("user", "Anna", "Bundeskriminalamt", "main", database);
            Assert.Equal(0, code);
            var password = Regex.Match(output, "with the password (\\S+)").Groups[1].Value;

            var (refused, _, error) = await Run("user", "ben", "Bundeskriminalamt", "other", database);
            Assert.Equal(1, refused);
            Assert.Contains("no licence 'other'", error);
            Assert.Equal(1, (await Run("nonsense", database)).Code);

            await using var db = new SqliteAccessDatabase($"Data Source={file}");
            var login = await new AccountLogin(db, new AccessOptions(), TimeProvider.System).LoginAsync("anna", password);
            Assert.Equal(LoginOutcome.Succeeded, login.Outcome);
            var licence = Assert.Single(await new UseLedger(db, TestStore.Countries, TimeProvider.System).ListAsync(login.User!.Id));
            Assert.Equal(60, licence.Left);
            Assert.Equal(["admin", "anna"], (await new AccessAdmin(db, new AccessOptions()).UsersAsync()).Select(u => u.UserName));
            (_, output, _) = await Run("list", database);
            Assert.Contains("licence\t1\tBundeskriminalamt\tmain\t3 seats x 20\tuntil 2027-12-31", output);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AccessCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
