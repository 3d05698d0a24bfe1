using System.Security.Cryptography;
using Doorstep.Data;
using Doorstep.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Doorstep.Tests.Data;

/// <summary>
/// EF Core's check that a context is not used by two operations at once costs every row read an
/// async-local write, so production skips it (ADR 0038); every other environment keeps it, so that
/// the test suite still catches a context shared across concurrent work.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class ThreadSafetyChecksTests(DoorstepApp app)
{
    private static Task<bool> ChecksAsync(Func<Func<DoorstepDb, Task<bool>>, Task<bool>> withDb) =>
        withDb(db => Task.FromResult(((IInfrastructure<IServiceProvider>)db).GetService<IDbContextOptions>()
            .FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled));

    [Fact]
    public async Task The_test_suite_keeps_the_check() => Assert.True(await ChecksAsync(app.WithDbAsync));

    [Fact]
    [Trait(SqliteOnly.Trait, SqliteOnly.Value)]
    public async Task Production_skips_the_check()
    {
        var folder = Directory.CreateTempSubdirectory("doorstep-checks-").FullName;
        try
        {
            await using var production = new StartedApp("Production", StartedApp.SqliteSettings(Path.Combine(folder, "data"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))).Start();

            Assert.False(await ChecksAsync(production.WithDbAsync));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
