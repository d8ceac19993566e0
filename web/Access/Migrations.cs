namespace DeepPlate.Web.Access;

/// <summary>
/// The schema, as an ordered list of steps: a step once shipped never changes, a change is a new step at the end.
/// <c>{id}</c> stands for the one thing SQLite and PostgreSQL spell differently, a self-numbering id column. Times are
/// Unix milliseconds (BIGINT), dates <c>yyyy-MM-dd</c> and months <c>yyyy-MM</c> (TEXT), flags 0/1; every number is
/// BIGINT so both databases hand back the same type.
/// <para>Nothing of a reading is ever stored: no image, no result, no plate text. A read leaves one count in
/// <c>usage</c> and one <c>audit</c> row (who, which licence, when, which country's plates).</para>
/// </summary>
internal static class Migrations
{
    public sealed record Step(int Version, string Description, string Sql);

    public static readonly IReadOnlyList<Step> All =
    [
        new(1, "institutions, licences, users, uses and audit", """
            CREATE TABLE institutions (
                id {id},
                name TEXT NOT NULL UNIQUE,
                country TEXT NOT NULL
            );
            CREATE TABLE licences (
                id {id},
                institution_id BIGINT NOT NULL REFERENCES institutions (id),
                name TEXT NOT NULL,
                seats BIGINT NOT NULL CHECK (seats > 0),
                active_until TEXT NOT NULL,
                uses_per_seat BIGINT NOT NULL CHECK (uses_per_seat >= 0),
                UNIQUE (institution_id, name)
            );
            CREATE TABLE users (
                id {id},
                institution_id BIGINT NULL REFERENCES institutions (id),
                user_name TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                is_admin BIGINT NOT NULL DEFAULT 0,
                failed_logins BIGINT NOT NULL DEFAULT 0,
                locked_until BIGINT NULL,
                terms_version TEXT NULL,
                terms_accepted_at BIGINT NULL
            );
            CREATE TABLE user_licences (
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                licence_id BIGINT NOT NULL REFERENCES licences (id) ON DELETE CASCADE,
                PRIMARY KEY (user_id, licence_id)
            );
            CREATE TABLE usage (
                licence_id BIGINT NOT NULL REFERENCES licences (id),
                month TEXT NOT NULL,
                used BIGINT NOT NULL DEFAULT 0,
                PRIMARY KEY (licence_id, month)
            );
            CREATE TABLE audit (
                id {id},
                user_id BIGINT NOT NULL REFERENCES users (id),
                licence_id BIGINT NOT NULL REFERENCES licences (id),
                at BIGINT NOT NULL,
                country TEXT NOT NULL
            );
            CREATE INDEX audit_licence_at ON audit (licence_id, at);
            """),
        // A random value per user, carried in the login cookie and compared on every request (SessionCheck): a new
        // one (logout, a password set by the administrator, a lockout, a licence taken away) ends every session of
        // the account at once. Existing users get '' and so log in once more.
        new(2, "security stamps", """
            ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
            """),
        // The data-protection key ring (Security/DatabaseKeys.cs): shared by every instance on the database, kept
        // across restarts. One row per key, its XML as ASP.NET writes it.
        new(3, "data-protection keys", """
            CREATE TABLE data_protection_keys (
                id {id},
                name TEXT NOT NULL,
                xml TEXT NOT NULL
            );
            """),
        // A removed user's row stays (the audit rows name it: who read what stays answerable), marked removed: it can
        // no longer log in, its sessions end, its name stays taken.
        new(4, "removed users", """
            ALTER TABLE users ADD COLUMN removed_at BIGINT NULL;
            """),
    ];
}
