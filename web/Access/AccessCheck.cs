namespace DeepPlate.Web.Access;

/// <summary>The requirements a user must meet to read plates, in the order the refusal page lists them.</summary>
public enum AccessRequirement
{
    /// <summary>At least one of the user's licences has a plan active today.</summary>
    ActivePlan,
    /// <summary>The user's institution is in a country the reader serves.</summary>
    SupportedCountry,
    /// <summary>The user accepted the current Terms and Conditions.</summary>
    AcceptedTerms,
}

/// <summary>Which requirements a user misses (none: access granted).</summary>
public sealed record AccessCheck(IReadOnlyList<AccessRequirement> Missing)
{
    public bool Granted => Missing.Count == 0;

    public bool Misses(AccessRequirement requirement) => Missing.Contains(requirement);
}
