using System.Data.Common;

namespace DeepPlate.Web.Access;

/// <summary>
/// The database behind access: SQLite by default (one file, nothing to install), PostgreSQL when several instances
/// share the counts. The two differ only in how connections open, how a writing transaction starts and the type of
/// an id column; every query is the same SQL on both.
/// </summary>
public abstract class AccessDatabase : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres", for messages.</summary>
    public abstract string Kind { get; }

    /// <summary>The declaration of an <c>id</c> column that numbers itself.</summary>
    internal abstract string IdColumn { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancel = default);

    /// <summary>A transaction that will write. SQLite takes the write lock at once (BEGIN IMMEDIATE): a deferred
    /// transaction that reads first would fail, not wait, when it tries to write after another writer.</summary>
    internal abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancel = default);

    /// <summary>A writing transaction that runs alone across every instance sharing the database: migrations and the
    /// first administrator, when several instances start together.</summary>
    internal abstract Task<DbTransaction> BeginSerialisedAsync(DbConnection connection, CancellationToken cancel = default);

    /// <summary>Settings kept in the database file itself, made once at start before any transaction.</summary>
    internal virtual Task PrepareAsync(CancellationToken cancel = default) => Task.CompletedTask;

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>PostgreSQL when <see cref="AccessOptions.Postgres"/> is set, else SQLite
    /// (<see cref="AccessOptions.Database"/>, or <c>deepplate.db</c> in the data folder, created if missing).</summary>
    public static AccessDatabase Create(AccessOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.Postgres)) return new PostgresAccessDatabase(options.Postgres);
        if (!string.IsNullOrWhiteSpace(options.Database)) return new SqliteAccessDatabase(options.Database);
        var folder = AccessOptions.DataFolder(contentRoot);
        Directory.CreateDirectory(folder);
        return new SqliteAccessDatabase($"Data Source={Path.Combine(folder, "deepplate.db")}");
    }
}
