using System.Security.Cryptography;
using Doorstep.Data;
using Doorstep.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Data;

/// <summary>
/// On SQLite the app's writers queue for the file's one writer (docs/adr/0036): a writer is told the
/// database is busy, as SQLite would tell it, once it has waited as long as its connection allows,
/// and a transaction that ends without a commit lets the next one in at once.
/// </summary>
[Trait(SqliteOnly.Trait, SqliteOnly.Value)]
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("doorstep-gate-").FullName;

    [Fact]
    public async Task A_writer_waits_for_an_open_transaction_and_goes_once_it_is_disposed_without_a_commit()
    {
        // Waits of one second instead of thirty, so the test need not sit out the real timeout.
        var settings = StartedApp.SqliteSettings(_folder, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        settings["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "doorstep.db")};Default Timeout=1";
        await using var app = new StartedApp("Production", settings).Start();
        await app.WithDbAsync(async db =>
        {
            db.SubDistricts.Add(new Doorstep.Features.Organizations.SubDistrict { Name = "嘉兴路街道", District = "虹口区", City = "上海市" });
            return await db.SaveChangesAsync();
        });

        await app.WithDbAsync(async holder =>
        {
            var held = await holder.Database.BeginTransactionAsync();
            await RenameAsync(holder, "嘉兴路街道（未提交）");

            var refused = await Assert.ThrowsAsync<SqliteException>(() => app.WithDbAsync(db => RenameAsync(db, "嘉兴路街道办事处")));
            Assert.Equal(5, refused.SqliteErrorCode); // SQLITE_BUSY: the form keeps its input (BusyDatabaseFilter)

            await held.DisposeAsync();
            return 0;
        });

        await app.WithDbAsync(db => RenameAsync(db, "嘉兴路街道办事处"));
        Assert.Equal("嘉兴路街道办事处", await app.WithDbAsync(db => db.SubDistricts.Select(s => s.Name).SingleAsync()));
    }

    private static async Task<int> RenameAsync(DoorstepDb db, string name)
    {
        var subDistrict = await db.SubDistricts.SingleAsync();
        subDistrict.Name = name;
        return await db.SaveChangesAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
