using Doorstep.Data;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Doorstep.Tests.Data;

public class MigrationsTests
{
    /// <summary>
    /// The ids databases already carry in __EFMigrationsHistory, from when each provider's migrations
    /// lived in a project of their own. They must never change, or an existing database would be
    /// migrated from scratch (and fail on tables that exist).
    /// </summary>
    private static readonly string[] SqliteIdsBeforeTheMove = ["20261129052923_Initial", "20261129073421_MemberOrgUnitArea"];
    private static readonly string[] PostgresIdsBeforeTheMove = ["20261129052931_Initial", "20261129073439_MemberOrgUnitArea"];

    private static CurrentUserAccessor NoUser => new(new Microsoft.AspNetCore.Http.HttpContextAccessor());

    private static SqliteDoorstepDb Sqlite(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteDoorstepDb>().UseSqlite(connectionString).Options, NoUser, TimeProvider.System);

    private static PostgresDoorstepDb Postgres(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresDoorstepDb>().UseNpgsql(connectionString).Options, NoUser, TimeProvider.System);

    [Fact]
    public void The_SQLite_context_has_no_model_changes_without_a_migration()
    {
        using var db = Sqlite("Data Source=:memory:");

        Assert.False(db.Database.HasPendingModelChanges(),
            "run: dotnet ef migrations add NAME --project src/Doorstep --context SqliteDoorstepDb --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void The_PostgreSQL_context_has_no_model_changes_without_a_migration()
    {
        using var db = Postgres("Host=localhost;Database=unused");

        Assert.False(db.Database.HasPendingModelChanges(),
            "run: dotnet ef migrations add NAME --project src/Doorstep --context PostgresDoorstepDb --output-dir Data/Migrations/Postgres");
    }

    [Fact]
    public void Each_context_keeps_the_migration_ids_databases_already_carry()
    {
        using var sqlite = Sqlite("Data Source=:memory:");
        using var postgres = Postgres("Host=localhost;Database=unused");

        Assert.Equal(SqliteIdsBeforeTheMove, sqlite.Database.GetMigrations().Take(SqliteIdsBeforeTheMove.Length));
        Assert.Equal(PostgresIdsBeforeTheMove, postgres.Database.GetMigrations().Take(PostgresIdsBeforeTheMove.Length));
    }

    [Fact]
    public async Task A_database_migrated_before_the_move_is_upgraded_by_the_migrations_it_lacks_only()
    {
        var folder = Directory.CreateTempSubdirectory("doorstep-migrations-").FullName;
        var settings = TestDatabase.Settings(folder);
        var connectionString = settings["Database:ConnectionString"]!;
        var old = TestDatabase.IsPostgres ? PostgresIdsBeforeTheMove : SqliteIdsBeforeTheMove;
        try
        {
            await using (DoorstepDb db = TestDatabase.IsPostgres ? Postgres(connectionString) : Sqlite(connectionString))
            {
                // The schema an older release left behind: migrated up to its last migration.
                await db.GetService<IMigrator>().MigrateAsync(old[^1]);
                Assert.Equal(old, await db.Database.GetAppliedMigrationsAsync());
            }

            await using (DoorstepDb db = TestDatabase.IsPostgres ? Postgres(connectionString) : Sqlite(connectionString))
            {
                var lacking = (await db.Database.GetPendingMigrationsAsync()).ToList();
                var applied = await DatabaseSetup.MigrateAsync(db);

                Assert.Equal(db.Database.GetMigrations().Skip(old.Length), lacking);
                Assert.Equal(lacking, applied);
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
                Assert.Equal(0, await db.PersonalDataKeyRecords.CountAsync());
            }
        }
        finally
        {
            await TestDatabase.DropAsync(TestDatabase.IsPostgres ? connectionString : null);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
