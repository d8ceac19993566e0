using DeepPlate.Formats;

namespace DeepPlate.Synth.Tests.Fonts;

/// <summary>The faces of state names and slogans: data in the font table, installed by scripts/setup, errors named.</summary>
public sealed class LetteringFacesTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-lettering-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    [Fact]
    public void The_shipped_faces_are_sans_serif_and_italic_and_each_loads()
    {
        var faces = LetteringFaces.Shipped;
        Assert.True(faces.Count >= 10, $"{faces.Count} faces");
        Assert.Contains(faces, f => f.Italic);
        Assert.Contains(faces, f => !f.Italic);
        Assert.Equal(faces.Select((f, i) => (f, i)).Where(p => p.f.Italic).Select(p => p.i), LetteringFaces.Italic);
        for (var i = 0; i < faces.Count; i++)
        {
            using var path = Lettering.Path(i, "Idaho");
            Assert.True(path.Bounds.Width > 50, $"{faces[i].File}: {path.Bounds}");
        }
    }

    [Fact]
    public void Every_package_the_font_table_names_is_installed_by_setup()
    {
        var setup = File.ReadAllText(Path.Combine(Root(), "scripts", "setup"));
        var packages = FontCatalog.Builtin.Select(s => s.Package).Concat(LetteringFaces.Shipped.Select(f => f.Package)).OfType<string>().Distinct();
        Assert.All(packages, p => Assert.Matches($@"[(\s]{System.Text.RegularExpressions.Regex.Escape(p)}\s", setup));
    }

    [Theory]
    [InlineData("""{ "file": "a.ttf" }""", "lettering[0].approximates: is required")]
    [InlineData("""{ "file": "a.ttf", "approximates": "x", "italic": "yes" }""", "lettering[0].italic: should be true or false")]
    [InlineData("""{ "file": "a.ttf", "approximates": "x", "weight": 700 }""", "lettering[0].weight: unknown key")]
    [InlineData("""{ "approximates": "x" }""", "lettering[0].file: is required")]
    public void A_broken_face_is_refused_naming_it(string face, string message)
    {
        var path = Path.Combine(dir, FontTable.FileName);
        File.WriteAllText(path, "{ \"fonts\": [], \"lettering\": [ " + face + " ] }");
        var e = Assert.Throws<FormatFileException>(() => FontTable.Lettering(path));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_table_without_faces_has_none()
    {
        var path = Path.Combine(dir, FontTable.FileName);
        File.WriteAllText(path, "{ \"fonts\": [] }");
        Assert.Empty(FontTable.Lettering(path));
    }
}
