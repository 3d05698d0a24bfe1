using Npgsql;

namespace Doorstep.BenchRunner;

/// <summary>A database the app runs on, with the settings the app and the benchmark suite need to reach it.</summary>
internal sealed record DataSet(string Name, string Provider, string ConnectionString, IReadOnlyDictionary<string, string> AppSettings);

/// <summary>The personal-data key and generation figures of a generated data set, kept beside it so that
/// <c>--reuse-data</c> can measure it again without generating a million members anew.</summary>
internal sealed record GeneratedData(int Members, string PersonalDataKey, ProcessMeasure Generation);

/// <summary>Every run starts from nothing: a new SQLite folder, or a dropped and recreated PostgreSQL database,
/// unless it is told to reuse the one the last run generated.</summary>
internal static class DataSets
{
    private const string GeneratedFile = "data-set.json";

    public static DataSet Sqlite(string workDirectory)
    {
        var directory = Path.Combine(workDirectory, "sqlite");
        return new DataSet("sqlite", "Sqlite", $"Data Source={Path.Combine(directory, "doorstep.db")}",
            new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["Doorstep__DataDirectory"] = directory });
    }

    public static DataSet FreshSqlite(string workDirectory)
    {
        var directory = Path.Combine(workDirectory, "sqlite");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        return Sqlite(workDirectory);
    }

    public static DataSet Postgres(string serverConnection, string database)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnection) { Database = database }.ConnectionString;
        return new DataSet("postgres", "Postgres", connectionString,
            new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = connectionString });
    }

    /// <summary>The record of the data set generated in this work folder, when it has as many members as asked.</summary>
    public static GeneratedData? Generated(string workDirectory, int members) =>
        ResultFiles.Read<GeneratedData>(Path.Combine(workDirectory, GeneratedFile)) is { } generated && generated.Members == members
            ? generated
            : null;

    public static Task RecordGeneratedAsync(string workDirectory, GeneratedData generated) =>
        ResultFiles.WriteAsync(workDirectory, GeneratedFile, generated);

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

        return Postgres(serverConnection, database);
    }
}
