using Doorstep.Data.Demo;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Doorstep.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string MigrateOnStartSetting = "Database:MigrateOnStart";

    /// <summary>
    /// SQLite in the data folder unless `Database:Provider` says Postgres; then
    /// `Database:ConnectionString` is required. Each provider has its own context type, which owns
    /// its migrations; DoorstepDb resolves to it, so the rest of the app never names a provider.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = config.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = config["Database:ConnectionString"];

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<CurrentUserAccessor>();
        services.AddScoped<DemoData>();
        services.AddScoped<PersonalDataKeyCheck>();
        services.AddAuditSubject<PersonalDataKeyAudit>();
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
#pragma warning disable EF1001 // EF's SQLite connection, internal API: see SqliteConnectionWithoutEfFunctions.
                services.AddDoorstepDb<SqliteDoorstepDb>((sp, options) =>
                    options.UseSqlite(SqliteConnectionString(config, sp.GetRequiredService<IHostEnvironment>()))
                        .AddInterceptors(SqliteConnectionPragmas.Instance, SqliteWriteGate.Instance)
                        .ReplaceService<IRelationalTransactionFactory, SqliteWriteGate.TransactionFactory>()
                        .ReplaceService<ISqliteRelationalConnection, SqliteConnectionWithoutEfFunctions>());
#pragma warning restore EF1001
                break;
            case DatabaseProvider.Postgres:
                var postgres = connectionString ?? throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL.");
                services.AddDoorstepDb<PostgresDoorstepDb>((_, options) => options.UseNpgsql(PostgresConnectionString(postgres)));
                break;
        }

        return services;
    }

    private static void AddDoorstepDb<TContext>(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> useProvider)
        where TContext : DoorstepDb
    {
        // Contexts come from a pool (ADR 0036): a request's context, its options and EF's services for
        // it are not built anew; building them was 4–6 % of a recorded visit's CPU.
        services.AddDbContextPool<TContext>((sp, options) =>
        {
            // Memberships are reached through the scoped Members set (or joined to it where read
            // directly), so a membership whose member is out of scope is never shown.
            options.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
            // EF's check that a context serves one operation at a time writes an async local for every
            // row read: 35 of the name search page's 194 KB with the admin's 120 org units (ADR 0038).
            // Production skips it; the test suite, in every other environment, keeps catching misuse.
            options.EnableThreadSafetyChecks(!sp.GetRequiredService<IHostEnvironment>().IsProduction());
            useProvider(sp, options);
        });
        services.AddScoped<DoorstepDb>(sp => sp.GetRequiredService<TContext>());
    }

    private const int PostgresPreparedStatements = 50, PostgresConnections = 20;

    /// <summary>
    /// The configured PostgreSQL connection with Doorstep's defaults for what the operator left unset:
    /// the server's JIT compilation off (it compiled the plans of our page-sized queries for 20–30 ms
    /// each, ADR 0029); statements prepared once they are seen often, so the server stops parsing and
    /// planning the hot writes again on every call; at most 20 connections from this node, so that a
    /// crowd of phones queues here for a connection rather than exhausting the server's; and no reset
    /// of a pooled connection's session, which the app never changes (ADR 0033).
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = $"{builder.Options} -c jit=off".Trim();
        }

        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        if (!given.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = PostgresPreparedStatements;
        }

        if (!given.Overlaps(["maxpoolsize", "maximumpoolsize"]))
        {
            builder.MaxPoolSize = PostgresConnections;
        }

        if (!given.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>`Database:ConnectionString` if set, else doorstep.db in the data folder.</summary>
    public static string SqliteConnectionString(IConfiguration config, IHostEnvironment env) =>
        config["Database:ConnectionString"] is { Length: > 0 } configured
            ? configured
            : $"Data Source={Path.Combine(DataDirectory.Resolve(config, env), "doorstep.db")}";

    /// <summary>
    /// Before the app serves: the schema (migrated here, or with `Database:MigrateOnStart=false` only
    /// checked, for several nodes that a `migrate` step upgrades first), the personal-data key checked
    /// against the database, and in demo mode 嘉兴路街道 seeded on first start. Refuses to start, with
    /// the reason, on a schema behind the app or a missing or wrong key.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
        if (db.Database.IsSqlite())
        {
            SqliteFiles.MakePrivate(db.Database.GetConnectionString()!);
        }

        if (app.Configuration.GetValue(MigrateOnStartSetting, true))
        {
            await MigrateAsync(db);
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).ToList() is { Count: > 0 } pending)
        {
            throw new StartRefusedException(
                $"数据库结构需要升级，请先运行 migrate 命令。The database lacks migrations {string.Join(", ", pending)}; " +
                $"run `Doorstep migrate` once before starting the app ({MigrateOnStartSetting} is false).");
        }

        await scope.ServiceProvider.GetRequiredService<PersonalDataKeyCheck>().VerifyOrRecordAsync();

        if (app.Configuration.GetValue<bool>("Doorstep:DemoMode"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }
    }

    /// <summary>
    /// Applies the migrations the database lacks and returns their ids. A new SQLite file is created
    /// readable by the app's user only, and switched to WAL. EF takes a lock for the duration, so two
    /// nodes starting at once do not both migrate; the `migrate` command does it before any starts.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(DoorstepDb db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            SqliteFiles.MakePrivate(db.Database.GetConnectionString()!);
        }

        // A migration that backfills a column rewrites every member: on PostgreSQL with 1,000,000
        // members that takes longer than a query's 30 seconds.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        db.Database.SetCommandTimeout(null);
        return pending;
    }
}

/// <summary>The app will not serve on this database or with this key; the message says why and what to do.</summary>
public sealed class StartRefusedException(string message) : Exception(message);
