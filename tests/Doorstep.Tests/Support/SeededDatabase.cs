using Doorstep.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Doorstep.Tests.Support;

/// <summary>
/// Databases that start where a new demo database starts: migrated, the demo seeded, the test key
/// recorded. The first is made once per test run by starting the app on it; every later one is a
/// copy (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL), so a fixture's start
/// skips the migrations and the demo, which are most of it.
/// </summary>
public static class SeededDatabase
{
    private static readonly Lock Making = new();
    private static Dictionary<string, string?>? _template;

    /// <summary>Settings for a new copy in <paramref name="dataDirectory"/>, as DoorstepApp's own settings would be after its first start.</summary>
    public static Dictionary<string, string?> NewCopy(string dataDirectory)
    {
        var template = Template();
        var settings = Empty(dataDirectory);
        if (TestDatabase.IsPostgres)
        {
            using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = "postgres" }.ConnectionString);
            server.Open();
            using var create = new NpgsqlCommand(
                $"CREATE DATABASE \"{Database(settings)}\" TEMPLATE \"{Database(template)}\"", server);
            create.ExecuteNonQuery();
        }
        else
        {
            File.Copy(SqliteFile(template), SqliteFile(settings));
        }

        return settings;
    }

    /// <summary>Settings for an empty database that the app migrates and seeds with the demo when it starts.</summary>
    public static Dictionary<string, string?> Empty(string dataDirectory)
    {
        var settings = TestDatabase.Settings(dataDirectory);
        settings["Doorstep:DemoMode"] = "true";
        settings["Doorstep:DataDirectory"] = dataDirectory;
        settings[PersonalDataSetup.KeySetting] = DoorstepApp.PersonalDataKey;
        return settings;
    }

    private static Dictionary<string, string?> Template()
    {
        lock (Making)
        {
            if (_template is null)
            {
                var settings = Empty(Directory.CreateTempSubdirectory("doorstep-template-").FullName);
                using (new StartedApp("Testing", settings).Start())
                {
                }

                // Copying needs the template closed: no pooled connection may hold it (or, on SQLite, its WAL).
                SqliteConnection.ClearAllPools();
                NpgsqlConnection.ClearAllPools();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDatabase.DropAsync(TestDatabase.IsPostgres ? settings["Database:ConnectionString"] : null).GetAwaiter().GetResult();
                _template = settings;
            }

            return _template;
        }
    }

    private static string Database(Dictionary<string, string?> settings) =>
        new NpgsqlConnectionStringBuilder(settings["Database:ConnectionString"]).Database!;

    private static string SqliteFile(Dictionary<string, string?> settings) =>
        new SqliteConnectionStringBuilder(settings["Database:ConnectionString"]).DataSource;
}
