namespace DeepPlate.Web.Access;

/// <summary>An organisation that holds licences (a police force, a prosecutor's office). Its country decides
/// whether it may use the reader at all (<see cref="SupportedCountries"/>).</summary>
public sealed record Institution(long Id, string Name, string Country);
