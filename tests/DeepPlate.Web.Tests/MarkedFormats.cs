using DeepPlate.Formats;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DeepPlate.Web.Tests;

/// <summary>
/// The format files with Germany's notIssued rules widened to every plate and their reason replaced by
/// <see cref="Note"/>, which carries markup: the shipped model's reading of any German scene then lists valid plates
/// with a note, and a page that parsed the note as HTML would show an image and bold text instead of the words.
/// </summary>
internal static class MarkedFormats
{
    public const string Note = "<img src=x onerror=window.injected=1> not issued <b>here</b>";

    private const string Reason = "not issued in Bavaria and some other states: recognition letters SS, SA, KZ, HJ, NS [DE12]";

    private static readonly Lazy<FormatRegistry> Marked = new(() =>
    {
        // Beside the test binaries: outside the temporary folder the "nothing written" test watches.
        var folder = Path.Combine(AppContext.BaseDirectory, "formats-marked");
        var source = FormatRegistry.Default.Directory;
        foreach (var file in Directory.GetFiles(source, "*.jsonc", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        var de = Path.Combine(folder, "de.jsonc");
        var text = File.ReadAllText(de);
        var marked = text
            .Replace("\"regex\": \"^[^ ]+ (?:SS|SA|KZ|HJ|NS) \"", "\"regex\": \".\"", StringComparison.Ordinal)
            .Replace("\"regex\": \"^[^-]+-(?:SS|SA|KZ|HJ|NS) \"", "\"regex\": \".\"", StringComparison.Ordinal)
            .Replace(Reason, Note, StringComparison.Ordinal);
        // The rules this relies on must still be there: four of them, every one now marking every plate.
        if (marked.Split("\"regex\": \".\"").Length != 5 || marked.Split(Note).Length != 5)
        {
            throw new InvalidOperationException("formats/data/de.jsonc no longer has the four notIssued rules these tests widen");
        }
        File.WriteAllText(de, marked);
        return FormatRegistry.Load(folder);
    });

    /// <summary>Makes the app use the marked format files (the model catalog, the reader and the page alike).</summary>
    public static void Configure(IWebHostBuilder builder) => builder.ConfigureTestServices(services => services.AddSingleton(Marked.Value));
}
