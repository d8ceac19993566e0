namespace DeepPlate.Web.Access;

/// <summary>
/// Brings the database up to the last step of <see cref="Migrations"/> at start. Each step runs in its own
/// transaction together with its row in <c>schema_version</c>, so a step is applied whole or not at all; the
/// transactions are serialised across instances (an advisory lock on PostgreSQL), so instances that start together
/// apply each step once.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Applies the missing steps; returns how many it applied.</summary>
    public static async Task<int> MigrateAsync(AccessDatabase db, TimeProvider clock, CancellationToken cancel = default)
    {
        await db.PrepareAsync(cancel);
        var applied = 0;
        await using var connection = await db.OpenAsync(cancel);
        foreach (var step in Migrations.All)
        {
            await using var transaction = await db.BeginSerialisedAsync(connection, cancel);
            await connection.ExecuteAsync(transaction, "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)");
            var current = await connection.LongAsync(transaction, "SELECT MAX(version) FROM schema_version") ?? 0;
            if (current >= step.Version)
            {
                await transaction.CommitAsync(cancel);
                continue;
            }
            await connection.ExecuteAsync(transaction, step.Sql.Replace("{id}", db.IdColumn, StringComparison.Ordinal));
            await connection.ExecuteAsync(transaction, "INSERT INTO schema_version (version, applied_at) VALUES (@v, @at)",
                ("v", (long)step.Version), ("at", StoredValues.Time(clock.GetUtcNow())));
            await transaction.CommitAsync(cancel);
            applied++;
        }
        return applied;
    }
}
