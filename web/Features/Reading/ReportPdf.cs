namespace DeepPlate.Web.Features.Reading;

/// <summary>The PDF report of a read (page 1: the case and the user's own reading; results from page 2).</summary>
public static class ReportPdf
{
    /// <summary>The report's bytes, or null while the report is not available.</summary>
    public static byte[]? Render(ReadOutcome outcome, ReadForm form, DateTimeOffset createdUtc) => null;
}
