using DeepPlate.Inference.Report;

namespace DeepPlate.Web.Features.Reading;

/// <summary>The PDF report of a page read (page 1: provenance, warnings and the user's own reading; results from
/// page 2), rendered in memory and sent back with the reading, never stored.</summary>
public static class ReportPdf
{
    public static byte[] Render(ReadOutcome outcome, ReadForm form, DateTimeOffset createdUtc) =>
        PlateReport.Render(outcome.Reading, outcome.Frames,
            new ReportDetails([form.FileName], createdUtc, form.CaseReference, form.Examiner, form.ExaminerReading));
}
