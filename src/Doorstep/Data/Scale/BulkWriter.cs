using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Doorstep.Data.Scale;

/// <summary>
/// Writes generated rows straight to their tables, columns and value conversions read from the EF
/// model: prepared inserts in large transactions on SQLite, binary COPY on PostgreSQL. Only for
/// generated data sets — it bypasses the audit and the scope guard on purpose.
/// </summary>
internal sealed class BulkWriter(DoorstepDb db)
{
    private const int RowsPerTransaction = 50_000;

    public async Task<int> WriteAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && p.PropertyInfo is not null)
            .Select(p => new Column(p, p.GetColumnName(table)!))
            .ToList();

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return connection is NpgsqlConnection npgsql
            ? await CopyAsync(npgsql, table.Name, columns, rows, cancellationToken)
            : await InsertAsync(connection, table.Name, columns, rows, cancellationToken);
    }

    /// <summary>After rows were written with explicit ids, PostgreSQL's identity must continue after them.</summary>
    public async Task ContinueIdentityAsync<T>(CancellationToken cancellationToken = default) where T : class
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var table = db.Model.FindEntityType(typeof(T))!.GetTableName();
#pragma warning disable EF1002 // table name comes from the EF model, not from input
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM \"{table}\"), 0) + 1, false)",
            cancellationToken);
#pragma warning restore EF1002
    }

    private static async Task<int> InsertAsync<T>(DbConnection connection, string table, List<Column> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();

        var written = 0;
        DbTransaction? transaction = null;
        try
        {
            foreach (var row in rows)
            {
                if (written % RowsPerTransaction == 0)
                {
                    if (transaction is not null)
                    {
                        await transaction.CommitAsync(cancellationToken);
                        await transaction.DisposeAsync();
                    }

                    transaction = await connection.BeginTransactionAsync(cancellationToken);
                    command.Transaction = transaction;
                }

                for (var i = 0; i < columns.Count; i++)
                {
                    parameters[i].Value = columns[i].ValueOf(row) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                written++;
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        return written;
    }

    private static async Task<int> CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        var written = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                if (column.ValueOf(row) is { } value)
                {
                    await importer.WriteAsync(value, column.StoreType, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }

            written++;
        }

        await importer.CompleteAsync(cancellationToken);
        return written;
    }

    private sealed class Column(IProperty property, string name)
    {
        private readonly Func<object?, object?>? _toProvider = property.GetTypeMapping().Converter?.ConvertToProvider;

        public string Name { get; } = name;

        /// <summary>The PostgreSQL type name without length, e.g. character varying, integer, date.</summary>
        public string StoreType { get; } = property.GetColumnType().Split('(')[0];

        public object? ValueOf(object row)
        {
            var value = property.PropertyInfo!.GetValue(row);
            return value is null ? null : _toProvider is null ? value : _toProvider(value);
        }
    }
}
