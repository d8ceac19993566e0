using System.Data.Common;

namespace DeepPlate.Web.Access;

/// <summary>
/// The few ADO.NET calls the store makes, shared by SQLite and PostgreSQL. Columns are read by name with explicit
/// conversions rather than mapped by a micro-ORM: SQLite hands every integer back as a 64-bit number, PostgreSQL
/// hands back the declared type, and dates and flags are stored as text and 0/1, so the mapping has to be written
/// anyway and is clearer here than in type handlers (which would be process-wide static state).
/// </summary>
internal static class Sql
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] args)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in args)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] args)
    {
        await using var command = connection.Command(transaction, sql, args);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row as a number, or null when there is no row (or it is NULL).</summary>
    public static async Task<long?> LongAsync(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] args)
    {
        await using var command = connection.Command(transaction, sql, args);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> QueryAsync<T>(this DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] args)
    {
        await using var command = connection.Command(transaction, sql, args);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }

    public static async Task<T?> SingleOrDefaultAsync<T>(this DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] args) =>
        (await connection.QueryAsync(transaction, sql, map, args)).SingleOrDefault();

    public static long Long(this DbDataReader r, string column) => Convert.ToInt64(r[column], System.Globalization.CultureInfo.InvariantCulture);

    public static long? NullableLong(this DbDataReader r, string column) => r[column] is DBNull ? null : r.Long(column);

    public static string Text(this DbDataReader r, string column) => (string)r[column];

    public static string? NullableText(this DbDataReader r, string column) => r[column] as string;
}
