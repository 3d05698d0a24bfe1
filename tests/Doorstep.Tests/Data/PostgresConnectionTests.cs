using Doorstep.Data;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Data;

/// <summary>
/// PostgreSQL connections run without JIT compilation (docs/adr/0029), prepare their frequent statements,
/// keep to a modest pool and skip the session reset (docs/adr/0033), unless the operator's connection
/// string says otherwise.
/// </summary>
[Collection(SharedApp.Name)]
public class PostgresConnectionTests(DoorstepApp app)
{
    [Fact]
    public void The_configured_connection_gets_jit_off_and_keeps_the_operators_own_options()
    {
        Assert.Equal(("doorstep", "-c jit=off"), Parts(DatabaseSetup.PostgresConnectionString("Host=db;Database=doorstep")));
        Assert.Equal(("doorstep", "-c statement_timeout=5000 -c jit=off"), Parts(DatabaseSetup.PostgresConnectionString("Host=db;Database=doorstep;Options=-c statement_timeout=5000")));
        Assert.Equal(("doorstep", "-c jit=on"), Parts(DatabaseSetup.PostgresConnectionString("Host=db;Database=doorstep;Options=-c jit=on")));
    }

    [Fact]
    public void The_configured_connection_prepares_frequent_statements_and_keeps_a_modest_pool_unless_the_operator_sets_them()
    {
        var defaults = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Database=doorstep"));
        Assert.Equal((50, 20), (defaults.MaxAutoPrepare, defaults.MaxPoolSize));

        var operators = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Database=doorstep;Max Auto Prepare=0;Maximum Pool Size=100"));
        Assert.Equal((0, 100), (operators.MaxAutoPrepare, operators.MaxPoolSize));

        var synonym = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Database=doorstep;maxpoolsize=64"));
        Assert.Equal(64, synonym.MaxPoolSize);
    }

    [Fact]
    public void The_configured_connection_skips_the_session_reset_of_a_pooled_connection_unless_the_operator_asks_for_it()
    {
        Assert.True(new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Database=doorstep")).NoResetOnClose);
        Assert.False(new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Database=doorstep;No Reset On Close=false")).NoResetOnClose);
    }

    private static (string? Database, string? Options) Parts(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return (builder.Database, builder.Options);
    }

    [Fact]
    public async Task The_apps_own_connections_to_postgresql_run_without_jit()
    {
        if (!TestDatabase.IsPostgres)
        {
            return;
        }

        var jit = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync());
        Assert.Equal("off", jit);
    }
}
