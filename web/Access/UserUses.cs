namespace DeepPlate.Web.Access;

/// <summary>How many reads one user made on one licence in a month (from the audit rows), for the admin area.</summary>
public sealed record UserUses(long LicenceId, string UserName, long Uses);
