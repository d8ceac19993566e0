using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace DeepPlate.Web.Tests.Hosting;

/// <summary>
/// "Keeps nothing": after reads through both endpoints (small pictures and one large enough that ASP.NET's form
/// reader would have spilled it to a temporary file), no file has been created, changed or removed anywhere under
/// the app's content root (web/, with its bin and obj), the folder the app runs from (this test's bin), the
/// data-protection key folder (~/.aspnet), or the temporary folder.
/// <para>
/// The temporary folder: the test host runs with TMPDIR set to a folder of its own (web.runsettings), for
/// managed and native code alike, and the assembly's tests run one at a time, so every change there during the
/// reads would be the app's. /tmp itself is shared with other processes on the machine (a training run, other
/// builds), so a change there could not be attributed honestly and is not compared.
/// </para>
/// </summary>
public sealed class NothingKeptTests
{
    private static readonly string Home = Environment.GetEnvironmentVariable("HOME") ?? "/root";

    private static IEnumerable<string> Watched(string contentRoot) =>
    [
        Path.GetTempPath(),
        contentRoot,
        AppContext.BaseDirectory,
        Path.Combine(Home, ".aspnet"),
    ];

    /// <summary>
    /// The browser tests' own chromium keeps its profile and artifacts in the test host's temporary folder and
    /// removes them when it closes, a separate process on its own schedule that can fall within the reads on a
    /// loaded machine. Only Playwright names them so; the app never writes them.
    /// </summary>
    private static bool IsTestBrowsers(string path) =>
        path.Contains("/playwright_chromiumdev_profile-", StringComparison.Ordinal) || path.Contains("/playwright-artifacts-", StringComparison.Ordinal);

    /// <summary>Every file and folder under the watched folders: path, size, last write time.</summary>
    private static SortedDictionary<string, (long Size, DateTime Written)> Snapshot(string contentRoot)
    {
        var files = new SortedDictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        foreach (var root in Watched(contentRoot))
        {
            if (!Directory.Exists(root))
            {
                files[root] = (-1, default);
                continue;
            }
            foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 }))
            {
                if (IsTestBrowsers(entry.FullName)) continue;
                files[entry.FullName] = (entry is FileInfo f ? f.Length : -2, entry.LastWriteTimeUtc);
            }
        }
        return files;
    }

    [Fact]
    public async Task After_reads_no_file_has_been_written_anywhere()
    {
        Assert.Equal(TestEnvironment.TempFolder, Path.GetTempPath().TrimEnd('/'));
        using var app = ReaderApp.Default();
        var contentRoot = app.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        Assert.True(File.Exists(Path.Combine(contentRoot, "DeepPlate.Web.csproj")), $"the content root {contentRoot} is the web project's folder");
        using var page = await PageSession.Open(app);
        var client = page.Client;
        var (png, corners) = Plates.Scene();
        var large = NoisePng(1600, 1200);
        Assert.True(large.Length > 1_000_000);

        var before = Snapshot(contentRoot);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/read", Plates.Form(png, Plates.Text(corners), "de"))).StatusCode);
            var response = await page.Read(Plates.Form(i == 0 ? large : png, i == 0 ? null : Plates.Text(corners), "de"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/read", Plates.Form(large, null, "de"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/read", Plates.Form([1, 2, 3], null, "de"))).StatusCode);
        var after = Snapshot(contentRoot);

        var changed = after.Where(a => !before.TryGetValue(a.Key, out var b) || b != a.Value).Select(a => a.Key)
            .Concat(before.Keys.Where(k => !after.ContainsKey(k))).ToList();
        Assert.True(changed.Count == 0, "written during the reads: " + string.Join(", ", changed));
    }

    [Fact]
    public async Task No_log_line_carries_plate_text_or_the_users_reading()
    {
        var lines = new ConcurrentQueue<string>();
        using var app = new ReaderApp(new Dictionary<string, string?>
        {
            // Everything ASP.NET and the app would ever log, at the most verbose level.
            ["Limits:ReadsPerWindow"] = "0", ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        }, b => b.ConfigureServices(s => s.AddLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Trace);
            l.AddProvider(new CollectingLoggerProvider(lines));
        })));
        using var page = await PageSession.Open(app);
        var (png, corners) = Plates.Scene(minLength: 7);
        using var form = Plates.Form(png, Plates.Text(corners), "de");
        form.Add(new StringContent("QX ZZ 9876"), "examinerReading");
        var response = await page.Read(form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var plates = json.RootElement.GetProperty("reading").GetProperty("candidates").EnumerateArray()
            .Select(c => c.GetProperty("plate").GetString()!).Where(p => p.Length >= 5).Take(10).ToList();
        Assert.Equal(10, plates.Count);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            Assert.DoesNotContain("QX ZZ 9876", line);
            foreach (var plate in plates) Assert.DoesNotContain(plate, line);
        }
    }

    private static byte[] NoisePng(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        new Random(5).NextBytes(bitmap.GetPixelSpan());
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
