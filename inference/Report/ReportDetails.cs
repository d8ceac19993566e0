namespace DeepPlate.Inference.Report;

/// <summary>
/// What the report says about the case beyond the reading itself.
/// </summary>
/// <param name="FileNames">One per frame, in order: the names the user knows the pictures by (the picture's bytes
/// are identified by their SHA-256 next to it).</param>
/// <param name="CreatedUtc">When the report was made; printed in UTC.</param>
/// <param name="CaseReference">The case reference, when given.</param>
/// <param name="Examiner">The examiner's name, when given.</param>
/// <param name="ExaminerReading">The examiner's own reading, only when recorded before the results were shown
/// (a reading made after seeing them is biased by them, so it has no place here).</param>
public sealed record ReportDetails(IReadOnlyList<string> FileNames, DateTimeOffset CreatedUtc,
    string? CaseReference = null, string? Examiner = null, string? ExaminerReading = null);
