using System.Globalization;

namespace DeepPlate.Web.Features.Access;

/// <summary>
/// How the upload page speaks of a licence's uses: "1 use left", "5 uses left", and, for a licence with none left,
/// the day its count starts again (the first of next month, UTC: months are UTC in the ledger). <c>app.js</c> says
/// the same after each read (the word and the reset note are the page's, the number the server's).
/// </summary>
public static class UsesLeftText
{
    public static string Word(long left) => left == 1 ? "use" : "uses";

    /// <summary>The first day of the month after <paramref name="now"/>'s (UTC).</summary>
    public static DateOnly ResetDate(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1).AddMonths(1);
    }

    /// <summary>"1 January 2027", in English whatever the server's culture.</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
