using System.Data.Common;

namespace DeepPlate.Web.Access;

/// <summary>The column lists and row readers of the records, kept together so every query selects the same columns
/// its reader expects.</summary>
internal static class Rows
{
    public const string InstitutionColumns = "i.id, i.name, i.country";

    public const string LicenceColumns = "l.id, l.institution_id, l.name, l.seats, l.active_until, l.uses_per_seat";

    public const string UserColumns = "u.id, u.institution_id, u.user_name, u.is_admin, u.failed_logins, u.locked_until, u.terms_version, u.terms_accepted_at, u.security_stamp";

    public static Institution Institution(DbDataReader r) => new(r.Long("id"), r.Text("name"), r.Text("country"));

    public static Licence Licence(DbDataReader r) => new(
        r.Long("id"), r.Long("institution_id"), r.Text("name"), (int)r.Long("seats"), StoredValues.Date(r.Text("active_until")), (int)r.Long("uses_per_seat"));

    public static AccessUser User(DbDataReader r) => new(
        r.Long("id"),
        r.NullableLong("institution_id"),
        r.Text("user_name"),
        r.Long("is_admin") != 0,
        (int)r.Long("failed_logins"),
        r.NullableLong("locked_until") is { } locked ? StoredValues.Time(locked) : null,
        r.NullableText("terms_version"),
        r.NullableLong("terms_accepted_at") is { } accepted ? StoredValues.Time(accepted) : null,
        r.Text("security_stamp"));
}
