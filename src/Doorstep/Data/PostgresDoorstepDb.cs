using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Doorstep.Data;

/// <summary>DoorstepDb on PostgreSQL, with its own migrations in Data/Migrations/Postgres (see SqliteDoorstepDb).</summary>
public sealed class PostgresDoorstepDb(DbContextOptions<PostgresDoorstepDb> options, CurrentUserAccessor currentUser, TimeProvider clock)
    : DoorstepDb(options, currentUser, clock);

/// <summary>What `dotnet ef` builds the PostgreSQL model with; adding a migration never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDoorstepDb>
{
    public PostgresDoorstepDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresDoorstepDb>().UseNpgsql("Host=localhost;Database=design").Options,
        new CurrentUserAccessor(new Microsoft.AspNetCore.Http.HttpContextAccessor()),
        TimeProvider.System);
}
