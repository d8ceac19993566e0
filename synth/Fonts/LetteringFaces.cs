using SkiaSharp;

namespace DeepPlate.Synth;

/// <summary>A face of state names and slogans (the font table's <c>"lettering"</c> list).</summary>
/// <param name="File">The font file's absolute path (a Debian font's usual one).</param>
/// <param name="Package">The Debian package that installs it.</param>
/// <param name="Italic">An italic or script face, also drawn for slogans.</param>
public sealed record LetteringFace(string File, string? Package, bool Italic, string Approximates);

/// <summary>
/// The shipped lettering faces (<c>fonts/catalog.jsonc</c>) and their typefaces, loaded once per process: reading a
/// font file costs milliseconds, and a renderer meets thousands of (face, text) outlines before its cache holds them
/// all. Skia's typefaces are immutable, so threads share them. A face whose package is not installed is an error
/// naming it, as for the plate typefaces: a machine without it would draw other training plates.
/// </summary>
public static class LetteringFaces
{
    private static readonly Lazy<IReadOnlyList<LetteringFace>> ShippedFaces = new(() =>
        FontTable.DefaultDirectory() is { } dir ? FontTable.Lettering(Path.Combine(dir, FontTable.FileName)) : []);

    private static readonly Lazy<Lazy<SKTypeface>[]> Typefaces = new(() => [.. Shipped.Select(face => new Lazy<SKTypeface>(() => Open(face)))]);

    public static IReadOnlyList<LetteringFace> Shipped => ShippedFaces.Value;

    /// <summary>The positions of the italic and script faces in <see cref="Shipped"/>.</summary>
    public static IReadOnlyList<int> Italic { get; } = [.. Shipped.Select((f, i) => (f, i)).Where(p => p.f.Italic).Select(p => p.i)];

    /// <exception cref="FontUnavailableException">the face's file is not installed (the message names the package).</exception>
    public static SKTypeface Typeface(int face) => Typefaces.Value[face].Value;

    private static SKTypeface Open(LetteringFace face)
    {
        var path = FontCatalog.LocateDebianFile(new FontSource("lettering", FontOrigin.Debian, face.File, face.Package, face.Approximates));
        return (path is null ? null : SKTypeface.FromFile(path)) ?? throw new FontUnavailableException(
            $"the lettering face {System.IO.Path.GetFileName(face.File)} ({face.Approximates}) needs the Debian package {face.Package}, which is not installed: " +
            $"run `apt-get install {face.Package}` (or bash scripts/setup)");
    }
}
