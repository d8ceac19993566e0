using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DeepPlate.Training.Tests.EndToEnd;

/// <summary>
/// A researcher adds a country from data alone (training/README.md, "Adding a country"): Poland, not among the
/// eight, from a folder holding a copy of the format files with <c>pl.jsonc</c> beside them and a font table naming a
/// font file, with DEEPPLATE_FORMATS and DEEPPLATE_FONT_TABLE pointing there. With no code change and nothing in the
/// source tree, the built programs draw its plates, train and export a tiny model, and read one of its plates with
/// <c>deepplate read</c> and through the web API; before the model exists, both say "no model yet".
/// </summary>
public sealed partial class NinthCountryTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    private const string Poland = """
        // Poland, added by a test from data alone: since 2000, 520 x 114 mm, black on white, EU band PL.
        {
          "code": "pl",
          "name": "Poland",
          "letters": "A-Z!Q",
          "plate": {
            "widthMm": 520, "heightMm": 114, "cornerRadiusMm": 5,
            "background": "#FFFFFF", "text": "#000000", "border": "#000000", "borderMm": 1.5,
            "band": { "code": "PL", "widthMm": 45 },
            "rightBand": null,
            "source": "size, colours and band as on Polish plates since 2000 (for the test)"
          },
          "typeface": { "name": "Polish plate alphabet (stand-in)", "font": "pl-plate", "heightMm": 80, "widthMm": 44, "digitWidthMm": 44, "source": "estimate" },
          "templates": [
            { "id": "district2", "name": "Two-letter district, five digits", "pattern": "LL DDDDD", "example": "WA 12345",
              "status": "current", "weight": 2, "source": "the test" },
            { "id": "district3", "name": "Three-letter district, four characters", "pattern": "LLL DDLL", "example": "KRA 12AB",
              "status": "current", "weight": 1, "source": "the test" }
          ]
        }
        """;

    private readonly string root = Directory.CreateTempSubdirectory("deepplate-ninth-country-").FullName;
    private readonly Dictionary<string, string> environment;

    public NinthCountryTests()
    {
        // The format files the tests run with, and Poland's beside them.
        var source = Path.Combine(AppContext.BaseDirectory, "formats");
        foreach (var file in Directory.GetFiles(source, "*.jsonc", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, "formats", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(Path.Combine(root, "formats", "pl.jsonc"), Poland);
        // A typeface file of the researcher's own: a font file (DejaVu Sans Bold, from fonts-dejavu-core) beside its table.
        Directory.CreateDirectory(Path.Combine(root, "fonts"));
        File.Copy("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", Path.Combine(root, "fonts", "pl-plate.ttf"));
        File.WriteAllText(Path.Combine(root, "fonts", "catalog.jsonc"),
            """{ "fonts": [ { "id": "pl-plate", "file": "pl-plate.ttf", "approximates": "the Polish plate alphabet (a stand-in)" } ] }""");
        Directory.CreateDirectory(Path.Combine(root, "models"));
        environment = new()
        {
            ["DEEPPLATE_FORMATS"] = Path.Combine(root, "formats"),
            ["DEEPPLATE_FONT_TABLE"] = Path.Combine(root, "fonts"),
            ["DEEPPLATE_MODELS"] = Path.Combine(root, "models"),
            // One core for the child processes: the machine's others are the test run's.
            ["DOTNET_PROCESSOR_COUNT"] = "1",
        };
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Cli(params string[] args)
    {
        var (exit, output, error) = ChildProcess.Run(ChildProcess.Cli(args), environment, Timeout);
        Assert.True(exit == 0, $"deepplate {string.Join(' ', args)} exited {exit}: {error}{output}");
        return output;
    }

    [Fact]
    public async Task A_country_added_as_data_is_drawn_trained_and_read_by_the_cli_and_the_web()
    {
        // Its plates: drawn from its file, in its typeface.
        var synth = Path.Combine(root, "synth");
        Assert.Contains("wrote 3 plates of Poland", Cli("synth", "--country", "pl", "--count", "3", "--out", synth, "--difficulty", "0", "--width", "160"));
        var label = JsonDocument.Parse(File.ReadLines(Path.Combine(synth, "labels.jsonl")).First()).RootElement;
        var image = Path.Combine(synth, label.GetProperty("file").GetString()!);
        var corners = string.Join(' ', label.GetProperty("corners").EnumerateArray().Select(p =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p[0].GetDouble():0.##},{p[1].GetDouble():0.##}")));
        Assert.Matches(PolishPlate(), label.GetProperty("text").GetString());

        // Before its model: listed, and "no model yet".
        var before = ChildProcess.Run(ChildProcess.Cli("read", image, "--country", "pl", "--corners", corners), environment, Timeout);
        Assert.NotEqual(0, before.Exit);
        Assert.Contains("no model for Poland (pl) yet", before.Error);

        // A tiny model (tests/DeepPlate.Inference.Tests/Fixtures/README.md), exported by train as model.onnx.
        var run = Path.Combine(root, "run");
        Assert.Contains("(pl, ", Cli("train", "--country", "pl", "--samples", "512", "--network-width", "4", "--validation-samples", "16",
            "--calibration-samples", "16", "--validate-every", "256", "--out", run));
        File.Copy(Path.Combine(run, "model.onnx"), Path.Combine(root, "models", "pl.onnx"));

        using var cli = JsonDocument.Parse(Cli("read", image, "--country", "pl", "--corners", corners, "--json"));
        AssertReadsPoland(cli.RootElement);

        await ReadThroughTheWeb(image, corners);
    }

    private static void AssertReadsPoland(JsonElement reading)
    {
        Assert.Equal("pl", reading.GetProperty("model").GetProperty("country").GetString());
        Assert.Equal(7, reading.GetProperty("model").GetProperty("slots").GetInt32());
        Assert.Equal(7, reading.GetProperty("positions").GetArrayLength());
        // A tiny model reads little right; the valid plates it ranks are Polish by Poland's format file.
        var best = reading.GetProperty("valid")[0];
        Assert.Matches(PolishPlate(), best.GetProperty("plate").GetString());
        Assert.Contains(best.GetProperty("template").GetString(), new[] { "district2", "district3" });
    }

    private async Task ReadThroughTheWeb(string image, string corners)
    {
        const string password = "reader-password-1";
        var port = FreePort();
        string[] settings = [$"--Access:Database=Data Source={Path.Combine(root, "access.db")}", $"--urls=http://127.0.0.1:{port}"];
        var web = new Dictionary<string, string>(environment) { ["DEEPPLATE_ADMIN_PASSWORD"] = "admin-password-1", ["DEEPPLATE_PASSWORD"] = password };
        string Access(params string[] words)
        {
            var (exit, output, error) = ChildProcess.Run(ChildProcess.Web(["access", .. words, .. settings]), web, Timeout);
            Assert.True(exit == 0, $"access {string.Join(' ', words)} exited {exit}: {error}{output}");
            return output;
        }
        Access("institution", "Policja", "pl");
        var licence = LicenceNumber().Match(Access("licence", "Policja", "main", "1", DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"), "10")).Groups[1].Value;
        Access("user", "reader", "Policja", "main");

        using var server = ChildProcess.Start(ChildProcess.Web(settings), web);
        // Drained, so the app never waits on a full pipe; its errors are told if it stops.
        _ = server.StandardOutput.ReadToEndAsync();
        var serverErrors = server.StandardError.ReadToEndAsync();
        try
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("reader:reader-password-1"u8.ToArray()));
            await WaitUntilUp(port, server, serverErrors);
            await AcceptTerms(client);

            var page = await client.GetStringAsync("/");
            Assert.Contains("<option value=\"pl\" data-has-states=\"false\" data-has-model=\"true\">Poland</option>", page);
            Assert.Contains("(no model yet)", page); // the eight: no model in this folder
            Assert.Contains("pl Poland,", await client.GetStringAsync("/openapi/v1.json"));

            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(await File.ReadAllBytesAsync(image)) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "image", "plate.png" },
                { new StringContent(corners), "corners" },
                { new StringContent("pl"), "country" },
                { new StringContent(licence), "licence" },
            };
            var response = await client.PostAsync("/api/read", form);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
            using var json = JsonDocument.Parse(body);
            AssertReadsPoland(json.RootElement);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>Until /healthz answers, asked without a login (a user who has not accepted the terms would get a 403).</summary>
    private static async Task WaitUntilUp(int port, Process server, Task<string> errors)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        for (var i = 0; i < 600; i++)
        {
            if (server.HasExited) Assert.Fail($"the web app stopped ({server.ExitCode}): {await errors}");
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        Assert.Fail("the web app did not answer /healthz within two minutes");
    }

    /// <summary>The terms page's form, posted with its antiforgery token, as a user's first visit does.</summary>
    private static async Task AcceptTerms(HttpClient client)
    {
        var terms = await client.GetStringAsync("/terms");
        var token = AntiforgeryToken().Match(terms).Groups[1].Value;
        var accepted = await client.PostAsync("/terms", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/" }));
        Assert.True(accepted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"accepting the terms: {accepted.StatusCode}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^([A-PR-Z]{2} \d{5}|[A-PR-Z]{3} \d{2}[A-PR-Z]{2})$")]
    private static partial Regex PolishPlate();

    [GeneratedRegex(@"licence (\d+):")]
    private static partial Regex LicenceNumber();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
