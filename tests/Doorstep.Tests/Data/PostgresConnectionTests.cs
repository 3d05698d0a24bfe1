using Doorstep.Data;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Data;

/// <summary>PostgreSQL connections run without JIT compilation unless the operator asks for it (docs/adr/0029).</summary>
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
