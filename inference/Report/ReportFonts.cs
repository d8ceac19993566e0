using SkiaSharp;

namespace DeepPlate.Inference.Report;

/// <summary>
/// The report's typefaces: DejaVu Sans (text), Sans Bold (headings) and Sans Mono (plates, hashes), loaded from their
/// files. DejaVu covers every character a plate or a German district code holds (Ä Ö Ü ß) and the middle dot the
/// tables use; Skia embeds a subset with a ToUnicode map, so the text also extracts. A missing file is an error that
/// says what to install: a silent fallback to whatever font the machine has could drop those characters.
/// </summary>
internal sealed class ReportFonts : IDisposable
{
    /// <summary>Where Debian's fonts-dejavu-core puts them (scripts/setup installs it).</summary>
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private ReportFonts(SKTypeface regular, SKTypeface bold, SKTypeface mono)
    {
        Regular = regular;
        Bold = bold;
        Mono = mono;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public SKTypeface Mono { get; }

    /// <exception cref="FileNotFoundException">A font file is missing or unreadable.</exception>
    public static ReportFonts Load(string directory = DefaultDirectory) =>
        new(Typeface(directory, "DejaVuSans.ttf"), Typeface(directory, "DejaVuSans-Bold.ttf"), Typeface(directory, "DejaVuSansMono.ttf"));

    private static SKTypeface Typeface(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the PDF report's font {path} is missing: install Debian's fonts-dejavu-core (scripts/setup does)", path);
        }
        return SKTypeface.FromFile(path) ?? throw new FileNotFoundException($"the PDF report's font {path} cannot be read as a font", path);
    }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
        Mono.Dispose();
    }
}
