namespace DeepPlate.Web.Access;

/// <summary>A licence a user may consume, with what is left of it this month (for the upload page's selector).</summary>
public sealed record LicenceUses(Licence Licence, long Used, bool Active)
{
    public long Left => Math.Max(0, Licence.MonthlyUses - Used);
}
