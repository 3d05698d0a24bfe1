using Microsoft.Data.Sqlite;

namespace Doorstep.Data;

/// <summary>
/// A consistent copy of the SQLite database while the app keeps writing, checked before it takes its
/// name. `sqlite3 .backup` copies a hundred pages at a time and starts again whenever another
/// connection writes, so under steady writes it never finishes; and a copy stopped half-way is a
/// file that integrity_check may still call ok. Here the copy is one step of SQLite's online backup
/// inside one read transaction (a snapshot: writers go on in the WAL), written under a temporary
/// name, then opened afresh and checked — integrity_check, and every table's row count against the
/// snapshot's — and only then renamed over the target.
/// </summary>
public static class SqliteBackup
{
    public sealed record Result(string Path, IReadOnlyDictionary<string, long> Rows);

    public static async Task<Result> WriteAsync(string connectionString, string destination, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(destination);
        var source = SqliteFiles.PathOf(connectionString);
        if (source is null || !File.Exists(source))
        {
            // Opening it would create an empty database, and back that up.
            throw new FileNotFoundException($"找不到数据库文件。There is no database at {source}: check Doorstep:DataDirectory or Database:ConnectionString.", source);
        }

        if (source == target)
        {
            throw new InvalidOperationException("备份文件不能是数据库本身。The backup cannot overwrite the database itself.");
        }

        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            // Backups hold every member's file: like the data folder, for the app's user only.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var partial = target + ".partial";
        File.Delete(partial);
        SqliteFiles.CreatePrivate(partial);
        try
        {
            Dictionary<string, long> expected;
            await using (var database = new SqliteConnection(connectionString))
            {
                await database.OpenAsync(cancellationToken);
                // One read transaction for the counts and the copy: the backup reads through it, so it
                // copies the very snapshot that was counted.
                await ExecuteAsync(database, "BEGIN DEFERRED;", cancellationToken);
                expected = await CountRowsAsync(database, cancellationToken);
                await using (var copy = new SqliteConnection(Unpooled(partial)))
                {
                    await copy.OpenAsync(cancellationToken);
                    database.BackupDatabase(copy);
                }

                await ExecuteAsync(database, "ROLLBACK;", cancellationToken);
            }

            await using (var copy = new SqliteConnection(Unpooled(partial)))
            {
                await copy.OpenAsync(cancellationToken);
                // One self-contained file: the app switches a restored copy back to WAL when it starts.
                await ExecuteAsync(copy, "PRAGMA journal_mode=DELETE;", cancellationToken);
                var integrity = await ExecuteAsync(copy, "PRAGMA integrity_check;", cancellationToken);
                if (integrity != "ok")
                {
                    throw new InvalidDataException($"备份未通过完整性检查。The copy failed integrity_check: {integrity}");
                }

                var rows = await CountRowsAsync(copy, cancellationToken);
                var differ = expected.Where(t => rows.GetValueOrDefault(t.Key, -1) != t.Value).Select(t => t.Key).ToList();
                if (differ.Count > 0 || rows.Count != expected.Count)
                {
                    throw new InvalidDataException($"备份的行数与数据库不符。The copy's row counts differ from the database's: {string.Join(", ", differ)}");
                }
            }

            File.Move(partial, target, overwrite: true);
            return new Result(target, expected);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static string Unpooled(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    private static async Task<Dictionary<string, long>> CountRowsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            // Table names come from sqlite_master, not from input; identifiers cannot be parameters.
            rows[table] = Convert.ToInt64(await ExecuteAsync(connection, $"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return rows;
    }

    private static async Task<string?> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
