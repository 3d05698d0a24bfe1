using Npgsql;

namespace Doorstep.BenchRunner;

/// <summary>A database the app runs on, with the settings the app and the benchmark suite need to reach it.</summary>
internal sealed record DataSet(string Name, string Provider, string ConnectionString, IReadOnlyDictionary<string, string> AppSettings);

/// <summary>Every run starts from nothing: a new SQLite folder, or a dropped and recreated PostgreSQL database.</summary>
internal static class DataSets
{
    public static DataSet FreshSqlite(string workDirectory)
    {
        var directory = Path.Combine(workDirectory, "sqlite");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        return new DataSet("sqlite", "Sqlite", $"Data Source={Path.Combine(directory, "doorstep.db")}",
            new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["Doorstep__DataDirectory"] = directory });
    }

    public static async Task<DataSet> FreshPostgresAsync(string serverConnection, string database)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnection) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            // The name is ours (an option of the runner), not user input; identifiers cannot be parameters.
            var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(serverConnection) { Database = database }.ConnectionString;
        return new DataSet("postgres", "Postgres", connectionString,
            new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = connectionString });
    }
}
