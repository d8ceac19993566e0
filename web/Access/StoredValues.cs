using System.Globalization;

namespace DeepPlate.Web.Access;

/// <summary>
/// How times, dates and months are written to the database: as numbers and text that SQLite and PostgreSQL compare
/// and sort the same way, so one set of queries serves both.
/// </summary>
internal static class StoredValues
{
    /// <summary>A moment as Unix milliseconds (UTC).</summary>
    public static long Time(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    public static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    /// <summary>A date as <c>yyyy-MM-dd</c>: sorts like the date.</summary>
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day a moment falls on in UTC: plans run until the end of their last day, UTC.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>The month a use counts towards, <c>yyyy-MM</c> in UTC: every licence starts afresh on the 1st.</summary>
    public static string Month(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
