using DeepPlate.Formats;
using DeepPlate.Training.Evaluation.Real;

namespace DeepPlate.Training.Tests.Evaluation.Real;

/// <summary>The manifest parser: the realdev format, and every bad line named without losing the good ones.</summary>
public sealed class RealManifestTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("deepplate-manifest-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Reads_good_lines_and_names_each_bad_one()
    {
        var path = Path.Combine(dir, "manifest.tsv");
        File.WriteAllLines(path,
        [
            "#image\tcountry\tstate\tcorners\ttext\tsource\tnote",
            "images/a.jpg\tfr\t\t213.0,120.0 426.0,120.0 426.0,180.0 213.0,180.0\tFB487GN\tfrlp\tSIV",
            "images/b.jpg\tUS\tCA\t\t7abc123\tcrops",                        // no note, whole picture, case folded
            "",
            "images/c.jpg\txx\t\t\tAB123\tsrc\t",                             // line 5: unknown country
            "images/d.jpg\tus\tzz\t\tAB123\tsrc\t",                           // line 6: unknown state
            "images/e.jpg\tfr\t\t1,2 3,4\tAB123CD\tsrc\t",                    // line 7: three points short
            "images/f.jpg\tfr\t\t\tAB-123-CD\tsrc\t",                         // line 8: separators
            "images/g.jpg\tfr\t\t\t??\tsrc\t",                                // line 9: nothing visible
            "images/h.jpg\tfr\tAB123CD",                                      // line 10: too few columns
            "images/i.jpg\tes\t\t\t12??ABC\tuc3m\tblacked out",
        ]);
        var (photos, problems) = RealManifest.Read(path, FormatRegistry.Default);

        Assert.Equal(["a.jpg", "b.jpg", "i.jpg"], photos.Select(p => Path.GetFileName(p.Image)));
        var a = photos[0];
        Assert.Equal(Path.Combine(dir, "images", "a.jpg"), a.Image);
        Assert.Equal("images/a.jpg", a.Name);
        Assert.Equal(2, a.Line);
        Assert.Equal(("fr", (string?)null, "FB487GN", "frlp", "SIV"), (a.Country, a.State, a.Text, a.Source, a.Note));
        Assert.Equal(new System.Numerics.Vector2(426, 180), a.Corners![2]);
        var b = photos[1];
        Assert.Equal(("us", "ca", "7ABC123", (System.Numerics.Vector2[]?)null, ""), (b.Country, b.State, b.Text, b.Corners, b.Note));
        Assert.Equal("12??ABC", photos[2].Text);

        Assert.Equal(6, problems.Count);
        Assert.Contains("line 5: unknown country 'xx'", problems[0]);
        Assert.Contains("line 6: United States has no state 'zz'", problems[1]);
        Assert.Contains("line 7: corners", problems[2]);
        Assert.Contains("line 8: plate text 'AB-123-CD' has '-'", problems[3]);
        Assert.Contains("line 9: plate text '??' has no visible character", problems[4]);
        Assert.Contains("line 10: expected 7 tab-separated columns", problems[5]);
        Assert.All(problems, p => Assert.StartsWith("manifest.tsv line ", p));
    }

    [Fact]
    public void A_missing_manifest_is_an_error() =>
        Assert.Throws<FileNotFoundException>(() => RealManifest.Read(Path.Combine(dir, "none.tsv"), FormatRegistry.Default));

    [RealDevFact]
    public void The_development_set_parses_whole()
    {
        var (photos, problems) = RealManifest.Read(RealDev.Manifest!, FormatRegistry.Default);
        Assert.Empty(problems);
        Assert.Equal(937, photos.Count);
        Assert.All(photos, p => Assert.True(File.Exists(p.Image), p.Image));
    }
}
