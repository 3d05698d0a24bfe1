using System.Runtime.Loader;
using Doorstep.Data.Demo;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Doorstep.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    /// <summary>
    /// SQLite in the data folder unless `Database:Provider` says Postgres; then
    /// `Database:ConnectionString` is required. Each provider has its own migrations assembly.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration config)
    {
        LoadMigrationsBesideApp();
        var provider = config.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = config["Database:ConnectionString"];

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<CurrentUserAccessor>();
        services.AddScoped<DemoData>();
        services.AddScoped<Scale.ScaleData>();
        services.AddDbContext<DoorstepDb>((sp, options) =>
        {
            // Memberships are reached through the scoped Members set (or joined to it where read
            // directly), so a membership whose member is out of scope is never shown.
            options.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
            switch (provider)
            {
                case DatabaseProvider.Sqlite:
                    var sqlite = string.IsNullOrWhiteSpace(connectionString)
                        ? $"Data Source={Path.Combine(DataDirectory.Resolve(config, sp.GetRequiredService<IHostEnvironment>()), "doorstep.db")}"
                        : connectionString;
                    options.UseSqlite(sqlite, o => o.MigrationsAssembly("Doorstep.Migrations.Sqlite"));
                    break;
                case DatabaseProvider.Postgres:
                    options.UseNpgsql(
                        connectionString ?? throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL."),
                        o => o.MigrationsAssembly("Doorstep.Migrations.Postgres"));
                    break;
            }
        });
        return services;
    }

    /// <summary>
    /// The migrations assemblies are copied beside the app after the build (they reference the app,
    /// so the app cannot reference them); they are not in its deps.json, so the loader is told where to look.
    /// </summary>
    private static void LoadMigrationsBesideApp() =>
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name is { } n && n.StartsWith("Doorstep.Migrations.", StringComparison.Ordinal)
            && Path.Combine(AppContext.BaseDirectory, n + ".dll") is var path && File.Exists(path)
                ? context.LoadFromAssemblyPath(path)
                : null;

    /// <summary>Migrates the schema, switches SQLite to WAL, and in demo mode seeds 嘉兴路街道 on first start.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();

        // A migration that backfills a column rewrites every member: on PostgreSQL with 1,000,000
        // members that takes longer than a query's 30 seconds.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        if (app.Configuration.GetValue<bool>("Doorstep:DemoMode"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }
    }
}
