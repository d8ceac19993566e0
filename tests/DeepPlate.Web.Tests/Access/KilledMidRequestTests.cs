using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DeepPlate.Web.Access;

namespace DeepPlate.Web.Tests.Access;

/// <summary>
/// The reader as its own process (the built app, SQLite file), killed (SIGKILL) while reads are in flight: every use
/// it answered is still counted afterwards, and the count agrees with the audit rows (a use and its audit row are
/// one transaction: both or neither).
/// </summary>
public sealed class KilledMidRequestTests
{
    [Fact]
    public async Task Uses_answered_before_a_kill_are_all_counted_and_match_the_audit()
    {
        var file = TestStore.NewSqliteFile();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "DeepPlate.Web.dll"), "--urls", $"http://127.0.0.1:{port}",
                     "--Access:Database", $"Data Source={file}", "--Limits:ReadsPerWindow", "0", "--DEEPPLATE_ADMIN_PASSWORD", ReaderApp.AdminPassword })
            start.ArgumentList.Add(a);
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitUntilUp(client, server);

            // The account, written by this process into the file the server uses.
            await using var db = new SqliteAccessDatabase($"Data Source={file}");
            var admin = new AccessAdmin(db, new AccessOptions());
            var institution = await admin.CreateInstitutionAsync("Landeskriminalamt", "de");
            var licence = await admin.CreateLicenceAsync(institution.Id, "main", 1, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5), 10_000);
            var user = await admin.CreateUserAsync("kai", "password-1", institution.Id);
            await admin.AssociateAsync(user.Id, licence.Id);
            await new TermsAcceptance(db, new AccessOptions(), TimeProvider.System).AcceptAsync(user.Id);
            client.DefaultRequestHeaders.Authorization = ReaderApp.Basic("kai", "password-1");

            var (png, corners) = Plates.Scene();
            var answered = 0;
            using var stop = new CancellationTokenSource();
            var readers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var response = await client.PostAsync("api/read", Plates.Form(png, Plates.Text(corners), "de", licence: licence.Id.ToString()));
                        if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref answered);
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToList();
            while (Volatile.Read(ref answered) < 30) await Task.Delay(20);

            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            stop.Cancel();
            await Task.WhenAll(readers);

            var dump = await TestStore.DumpAsync(db);
            var used = long.Parse(Assert.Single(dump["usage"])[2]);
            Assert.Equal(used, dump["audit"].Count);
            Assert.InRange(used, Volatile.Read(ref answered), Volatile.Read(ref answered) + readers.Count);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilUp(HttpClient client, Process server)
    {
        for (var i = 0; i < 300; i++)
        {
            Assert.False(server.HasExited, "the reader process ended at start");
            try
            {
                if ((await client.GetAsync("healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail("the reader process did not answer within 30 s");
    }
}
