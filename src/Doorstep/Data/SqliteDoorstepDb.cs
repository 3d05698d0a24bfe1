using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Doorstep.Data;

/// <summary>DoorstepDb on SQLite, with its own migrations in Data/Migrations/Sqlite.</summary>
/// <remarks>
/// A model change adds a migration to both providers (docs/adr/0010-a-context-per-provider.md):
/// <code>
/// dotnet ef migrations add NAME --project src/Doorstep --context SqliteDoorstepDb --output-dir Data/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/Doorstep --context PostgresDoorstepDb --output-dir Data/Migrations/Postgres
/// </code>
/// </remarks>
public sealed class SqliteDoorstepDb(DbContextOptions<SqliteDoorstepDb> options, CurrentUserAccessor currentUser, TimeProvider clock)
    : DoorstepDb(options, currentUser, clock);

/// <summary>What `dotnet ef` builds the SQLite model with: no app start, no configuration, no database.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDoorstepDb>
{
    public SqliteDoorstepDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteDoorstepDb>().UseSqlite("Data Source=design.db").Options,
        new CurrentUserAccessor(new Microsoft.AspNetCore.Http.HttpContextAccessor()),
        TimeProvider.System);
}
