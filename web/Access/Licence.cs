namespace DeepPlate.Web.Access;

/// <summary>
/// One licence of an institution: <see cref="Seats"/> seats, each worth <see cref="UsesPerSeat"/> uses a month, shared
/// by all of the licence's users however they split them; the plan is active until the end of
/// <see cref="ActiveUntil"/> (UTC).
/// </summary>
public sealed record Licence(long Id, long InstitutionId, string Name, int Seats, DateOnly ActiveUntil, int UsesPerSeat)
{
    /// <summary>Uses the licence gives in one month.</summary>
    public long MonthlyUses => (long)Seats * UsesPerSeat;

    public bool IsActiveOn(DateOnly day) => day <= ActiveUntil;
}
