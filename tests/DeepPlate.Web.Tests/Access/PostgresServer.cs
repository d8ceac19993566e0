using System.Diagnostics;
using Npgsql;

namespace DeepPlate.Web.Tests.Access;

/// <summary>
/// The PostgreSQL server the tests use: <c>DEEPPLATE_TEST_POSTGRES</c> when set (.ci/run starts one with
/// <c>scripts/postgres-test-server</c>), otherwise a throwaway one this test run starts with the same script and that
/// stops when the test process ends. Without PostgreSQL installed the PostgreSQL tests fail and say how to get it,
/// rather than skip: "every rule holds on PostgreSQL" must not turn silently into "nothing was tested".
/// Each test gets a fresh database on the server.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "DEEPPLATE_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    /// <summary>The connection string of a new, empty database.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Server.Value;
        var name = "deepplate_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        // Small pools: a hundred concurrent reads queue for a connection instead of exhausting the server.
        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20 }.ToString();
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given) return given;
        var script = FindScript();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        // The cluster goes to /tmp, not to this process's TMPDIR, which the "nothing written" test watches.
        start.Environment["TMPDIR"] = "/tmp";
        foreach (var a in new[] { script, "start", "--owner-pid", Environment.ProcessId.ToString() }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"the PostgreSQL tests need a server: set {Variable} to a connection string, or install Debian's postgresql package " +
                $"(bash scripts/setup does) so they start a throwaway one. {script} said: {error.Trim()}");
        }
        var prefix = $"export {Variable}='";
        var line = output.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line[prefix.Length..^1];
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "scripts", "postgres-test-server");
            if (File.Exists(script)) return script;
        }
        throw new InvalidOperationException($"scripts/postgres-test-server not found above {AppContext.BaseDirectory}; set {Variable} instead");
    }
}
