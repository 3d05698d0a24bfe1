using System.Security.Cryptography;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Data;

/// <summary>The per-connection SQLite settings that let many people write at once (docs/adr/0027), and what a connection does not carry.</summary>
[Trait(SqliteOnly.Trait, SqliteOnly.Value)]
public sealed class SqliteConnectionPragmasTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("doorstep-pragmas-").FullName;

    [Fact]
    public async Task Every_connection_the_app_opens_commits_without_waiting_for_the_disk_and_lets_a_busy_writer_wait_inside_sqlite()
    {
        await using var app = new StartedApp("Production", StartedApp.SqliteSettings(_folder, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))).Start();

        // Twice: the second scope gets the first one's connection back from the pool, opened anew.
        for (var i = 0; i < 2; i++)
        {
            var (journal, synchronous, busyTimeout) = await app.WithDbAsync(async db =>
            {
                await db.Database.OpenConnectionAsync();
                return (await ScalarAsync(db, "PRAGMA journal_mode"), await ScalarAsync(db, "PRAGMA synchronous"), await ScalarAsync(db, "PRAGMA busy_timeout"));
            });

            Assert.Equal("wal", journal);
            Assert.Equal("1", synchronous); // NORMAL
            Assert.Equal("30000", busyTimeout);
        }
    }

    [Fact]
    public async Task Connections_the_app_opens_carry_none_of_the_functions_EF_would_register_again_on_every_open()
    {
        await using var app = new StartedApp("Production", StartedApp.SqliteSettings(_folder, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))).Start();

        var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            return await ScalarAsync(db, "SELECT ef_mod(7, 2)");
        }));

        Assert.Contains("no such function: ef_mod", error.Message);
    }

    private static async Task<string> ScalarAsync(Doorstep.Data.DoorstepDb db, string pragma)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = pragma;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
