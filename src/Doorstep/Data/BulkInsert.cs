using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Doorstep.Data;

/// <summary>
/// Writes many new rows of one table at once, for the saves that add hundreds (a roster import):
/// binary COPY on PostgreSQL, one prepared INSERT stepped row by row on SQLite. EF sends an INSERT
/// per row and, on SQLite, prepares each one anew; measured on 1,000,000 members that was most of an
/// import's time. Columns and value conversions come from the EF model. It only writes: what is
/// written, its audit and its scope are DoorstepDb.SaveChangesAsync's business, as for any save.
/// The benchmark data generator (bench/) writes its rows, keys and all, through the same code.
/// </summary>
internal static class BulkInsert
{
    /// <summary>Fewer new rows than this go through EF, whose batches serve a handful as well.</summary>
    public const int Threshold = 100;

    /// <summary>
    /// Whether rows of this type can be written from their properties alone: one integer key that
    /// the database assigns, no other value the database makes, no shadow properties.
    /// </summary>
    public static bool Fits(IEntityType entity) =>
        entity.GetTableName() is not null
        && entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key]
        && (key.ClrType == typeof(int) || key.ClrType == typeof(long))
        && entity.GetProperties().All(p => !p.IsShadowProperty() && (p.IsPrimaryKey() || p.ValueGenerated == ValueGenerated.Never));

    /// <summary>Inserts the rows in the current transaction and returns the key the database gave each, in order.</summary>
    public static async Task<IReadOnlyList<long>> InsertAsync(DbContext db, IEntityType entity, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the save's transaction.");
        var newRows = NewRows.Of(entity);
        return transaction.Connection is NpgsqlConnection npgsql
            ? await CopyAsync(npgsql, newRows.Table, newRows.Key, newRows.Columns, rows, cancellationToken)
            : await InsertAsync(transaction, newRows.Table, newRows.Key, newRows.Columns, rows, cancellationToken);
    }

    /// <summary>
    /// Inserts a handful of new rows whose keys no one reads back (a save's audit rows) in one
    /// statement of several VALUES, in the current transaction: a save of their own through EF would
    /// track them, send one INSERT each on SQLite and read every key back.
    /// </summary>
    public static async Task InsertFewAsync(DbContext db, IEntityType entity, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the save's transaction.");
        var newRows = NewRows.Of(entity);
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = newRows.InsertOf(rows.Count);
        foreach (var row in rows)
        {
            foreach (var column in newRows.Columns)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = NewRows.ParameterName(command.Parameters.Count);
                parameter.Value = column.ValueOf(row) ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// How an entity's new rows are written: its table, its database-assigned key and the other
    /// columns, and the INSERT of a few rows per row count, all made once. Every save writes its audit
    /// rows through <see cref="InsertFewAsync"/>, and building these anew cost each recorded visit 7 of
    /// its 150 KB of allocations. Held weakly by the model's entity type, as a model can come and go
    /// (a test host's).
    /// </summary>
    private sealed class NewRows
    {
        private static readonly ConditionalWeakTable<IEntityType, NewRows> ByEntity = [];
        private static readonly string[] ParameterNames = [.. Enumerable.Range(0, 256).Select(i => $"@p{i}")];

        private readonly ConcurrentDictionary<int, string> _inserts = new();

        private NewRows(IEntityType entity)
        {
            Table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            Key = new Column(entity.FindPrimaryKey()!.Properties[0], Table);
            Columns = [.. entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => new Column(p, Table))];
        }

        public StoreObjectIdentifier Table { get; }

        public Column Key { get; }

        public IReadOnlyList<Column> Columns { get; }

        public static NewRows Of(IEntityType entity) => ByEntity.GetValue(entity, e => new NewRows(e));

        public static string ParameterName(int index) => index < ParameterNames.Length ? ParameterNames[index] : $"@p{index}";

        public string InsertOf(int rows) => _inserts.GetOrAdd(rows, n =>
        {
            var values = Enumerable.Range(0, n).Select(r => $"({string.Join(", ", Columns.Select((_, c) => ParameterName(r * Columns.Count + c)))})");
            return $"INSERT INTO {Quoted(Table.Name)} ({string.Join(", ", Columns.Select(c => Quoted(c.Name)))}) VALUES {string.Join(", ", values)}";
        });
    }

    /// <summary>
    /// Inserts rows that carry their own keys (a generated data set, whose rows refer to each other by
    /// key before any is written), in the current transaction; every mapped column is written. On
    /// PostgreSQL the table's identity then continues after the highest key, as SQLite's does by itself.
    /// </summary>
    public static async Task<int> InsertWithKeysAsync(DbContext db, IEntityType entity, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside a transaction.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !p.IsShadowProperty() && p.GetColumnName(table) is not null).Select(p => new Column(p, table)).ToList();
        if (transaction.Connection is not NpgsqlConnection npgsql)
        {
            await InsertAsync(transaction, table, key: null, columns, rows, cancellationToken);
            return rows.Count;
        }

        var copy = $"COPY {Quoted(table.Name)} ({string.Join(", ", columns.Select(c => Quoted(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await npgsql.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                await WriteColumnsAsync(importer, columns, row, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        if (entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } identity])
        {
            var name = Quoted(table.Name);
            var column = identity.GetColumnName(table)!;
            await using var next = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE((SELECT MAX({Quoted(column)}) FROM {name}), 0) + 1, false)", npgsql);
            next.Parameters.AddWithValue("table", name);
            next.Parameters.AddWithValue("column", column);
            await next.ExecuteNonQueryAsync(cancellationToken);
        }

        return rows.Count;
    }

    /// <summary>
    /// Keys are taken from the table's identity sequence first, so that COPY, which returns nothing,
    /// can write them: each row's key is known without relying on the order of a RETURNING clause.
    /// </summary>
    private static async Task<IReadOnlyList<long>> CopyAsync(
        NpgsqlConnection connection, StoreObjectIdentifier table, Column key, IReadOnlyList<Column> columns, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var keys = new List<long>(rows.Count);
        await using (var reserve = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence(@table, @column)) FROM generate_series(1, @count)", connection))
        {
            reserve.Parameters.AddWithValue("table", Quoted(table.Name));
            reserve.Parameters.AddWithValue("column", key.Name);
            reserve.Parameters.AddWithValue("count", rows.Count);
            await using var reader = await reserve.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(reader.GetInt64(0));
            }
        }

        var copy = $"COPY {Quoted(table.Name)} ({Quoted(key.Name)}, {string.Join(", ", columns.Select(c => Quoted(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(Convert.ChangeType(keys[i], key.ClrType, System.Globalization.CultureInfo.InvariantCulture), key.StoreType, cancellationToken);
            await WriteColumnsAsync(importer, columns, rows[i], cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
        return keys;
    }

    private static async Task WriteColumnsAsync(NpgsqlBinaryImporter importer, IReadOnlyList<Column> columns, object row, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>Without a key column the rows carry their keys in <paramref name="columns"/>, and nothing is returned.</summary>
    private static async Task<IReadOnlyList<long>> InsertAsync(
        DbTransaction transaction, StoreObjectIdentifier table, Column? key, IReadOnlyList<Column> columns, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quoted(table.Name)} ({string.Join(", ", columns.Select(c => Quoted(c.Name)))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})" +
                              (key is null ? "" : $" RETURNING {Quoted(key.Name)}");
        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();

        // The statement is prepared on the first row and stepped again for every other.
        var keys = new List<long>(rows.Count);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ValueOf(row) ?? DBNull.Value;
            }

            if (key is null)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                keys.Add(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return keys;
    }

    private static string Quoted(string name) => $"\"{name}\"";

    private sealed class Column(IProperty property, StoreObjectIdentifier table)
    {
        private readonly Func<object?, object?>? _toProvider = property.GetTypeMapping().Converter?.ConvertToProvider;
        private readonly IClrPropertyGetter _getter = property.GetGetter();

        public string Name { get; } = property.GetColumnName(table)!;

        public Type ClrType { get; } = property.ClrType;

        /// <summary>The PostgreSQL type name without length, e.g. character varying, integer, date.</summary>
        public string StoreType { get; } = property.GetColumnType().Split('(')[0];

        public object? ValueOf(object row)
        {
            var value = _getter.GetClrValueUsingContainingEntity(row);
            return value is null ? null : _toProvider is null ? value : _toProvider(value);
        }
    }
}
