using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DeepPlate.Web.Tests;

/// <summary>
/// The web app on a real Kestrel port on loopback (not the in-memory test server): the tests speak real HTTP, as a
/// browser or a tool would. <paramref name="settings"/> override appsettings.json (limits, model folder).
/// </summary>
public sealed class ReaderApp : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IWebHostBuilder>? configure;

    public ReaderApp(IReadOnlyDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null)
    {
        this.settings = settings ?? new Dictionary<string, string?>();
        this.configure = configure;
        UseKestrel(0);
        StartServer();
    }

    /// <summary>Settings for most tests: a rate limit no test reaches, and the German model only, so that the tests
    /// of a country without a model keep one whatever countries ship.</summary>
    public static ReaderApp Default() => new(new Dictionary<string, string?>
    {
        ["Limits:ReadsPerWindow"] = "0",
        ["Models:Directory"] = GermanOnly.Value,
    });

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
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        configure?.Invoke(builder);
    }

    /// <summary>The app's address (http://127.0.0.1:port/).</summary>
    public Uri Address => ClientOptions.BaseAddress;
}

/// <summary>One app shared by a test class.</summary>
public sealed class ReaderAppFixture : IDisposable
{
    public ReaderApp App { get; } = ReaderApp.Default();

    public void Dispose() => App.Dispose();
}
