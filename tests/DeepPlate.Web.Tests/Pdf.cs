using UglyToad.PdfPig;

namespace DeepPlate.Web.Tests;

/// <summary>A PDF read back as a reader of the file would see it.</summary>
public static class Pdf
{
    /// <summary>Each page's words joined by single spaces; throws unless the bytes are a PDF.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF"u8), "not a PDF");
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))];
    }
}
