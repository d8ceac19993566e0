namespace DeepPlate.Web.Access;

public enum UseOutcome
{
    /// <summary>One use was consumed (<see cref="UseLedger.ConsumeAsync"/>).</summary>
    Consumed,
    /// <summary>A use is left and would be consumed (<see cref="UseLedger.CheckAsync"/>, before reading).</summary>
    Available,
    /// <summary>No such licence for this user: another institution's, not associated with the user, or none at all.
    /// One answer for all three, so a user cannot learn which licences exist elsewhere.</summary>
    NotYours,
    /// <summary>The licence's plan ended before today (UTC).</summary>
    PlanExpired,
    /// <summary>The institution's country is not one the reader serves.</summary>
    CountryUnsupported,
    /// <summary>Every use of this month is spent.</summary>
    Exhausted,
}

/// <summary>What asking for one use of a licence gave, and the uses left this month afterwards.</summary>
public sealed record UseResult(UseOutcome Outcome, long UsesLeft = 0)
{
    public bool Allowed => Outcome is UseOutcome.Consumed or UseOutcome.Available;

    /// <summary>A sentence for the user saying why a read was refused (empty when allowed).</summary>
    public string Refusal => Outcome switch
    {
        UseOutcome.NotYours => "no such licence for your account",
        UseOutcome.PlanExpired => "this licence's plan has ended",
        UseOutcome.CountryUnsupported => "the reader is not offered in your institution's country",
        UseOutcome.Exhausted => "no uses are left on this licence this month",
        _ => "",
    };
}
