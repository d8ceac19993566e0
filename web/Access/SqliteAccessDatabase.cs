using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DeepPlate.Web.Access;

/// <summary>
/// SQLite: one file. Write-ahead log and <c>synchronous=FULL</c> so that a committed use is on disk before the reader
/// answers and survives the process being killed; a busy timeout so concurrent readers queue for the write lock
/// instead of failing.
/// </summary>
public sealed class SqliteAccessDatabase : AccessDatabase
{
    private const int BusyTimeoutMs = 30_000;
    private readonly string connectionString;

    public SqliteAccessDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
        };
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (folder is not null) Directory.CreateDirectory(folder);
        }
        this.connectionString = builder.ToString();
        FilePath = builder.DataSource;
    }

    public override string Kind => "sqlite";

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    internal override string IdColumn => "INTEGER PRIMARY KEY";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancel = default)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancel);
        // Per connection, so set on every open (pooled connections keep them; setting again costs nothing).
        await connection.ExecuteAsync(null, $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {BusyTimeoutMs};");
        return connection;
    }

    // Microsoft.Data.Sqlite is synchronous underneath: its async methods would run the same code.
    internal override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancel = default) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // BEGIN IMMEDIATE already lets one writer at a time in.
    internal override Task<DbTransaction> BeginSerialisedAsync(DbConnection connection, CancellationToken cancel = default) =>
        BeginWriteAsync(connection, cancel);

    internal override async Task PrepareAsync(CancellationToken cancel = default)
    {
        // The journal mode is kept in the file: once is enough, and it cannot change inside a transaction.
        await using var connection = await OpenAsync(cancel);
        await connection.ExecuteAsync(null, "PRAGMA journal_mode = WAL;");
    }
}
