using Npgsql;

namespace Doorstep.Tests.Support;

/// <summary>
/// Which database a test run uses: SQLite by default, PostgreSQL when DOORSTEP_TEST_DB=Postgres
/// (scripts/test.sh runs the suite once for each). Each app fixture gets a database of its own.
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("DOORSTEP_TEST_DB"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>A server connection string without a database, e.g. Host=127.0.0.1;Username=doorstep;Password=…</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("DOORSTEP_TEST_POSTGRES")
        ?? throw new InvalidOperationException("DOORSTEP_TEST_DB=Postgres needs DOORSTEP_TEST_POSTGRES (scripts/test.sh sets it).");

    public static Dictionary<string, string?> Settings(string dataDirectory)
    {
        if (!IsPostgres)
        {
            return new()
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(dataDirectory, "doorstep.db")}",
            };
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = $"doorstep_test_{Guid.NewGuid():N}" };
        return new()
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = builder.ConnectionString,
        };
    }

    public static async Task DropAsync(string? connectionString)
    {
        if (!IsPostgres || connectionString is null)
        {
            return;
        }

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 40)
            {
                // FORCE cannot end an autovacuum worker on the database (it has no role, so PostgreSQL
                // 15 answers 42501); the worker is done with a test's small database within moments.
                await Task.Delay(250);
            }
        }
    }
}
