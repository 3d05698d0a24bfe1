using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Data;

public class MigrationsTests
{
    private static DoorstepDb Context(Action<DbContextOptionsBuilder<DoorstepDb>> provider)
    {
        var options = new DbContextOptionsBuilder<DoorstepDb>();
        provider(options);
        return new DoorstepDb(options.Options, new CurrentUserAccessor(new Microsoft.AspNetCore.Http.HttpContextAccessor()), TimeProvider.System);
    }

    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = Context(o => o.UseSqlite("Data Source=:memory:", s => s.MigrationsAssembly("Doorstep.Migrations.Sqlite")));

        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add NAME --project src/Doorstep.Migrations.Sqlite ...");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var db = Context(o => o.UseNpgsql("Host=localhost;Database=unused", s => s.MigrationsAssembly("Doorstep.Migrations.Postgres")));

        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add NAME --project src/Doorstep.Migrations.Postgres ...");
    }
}
