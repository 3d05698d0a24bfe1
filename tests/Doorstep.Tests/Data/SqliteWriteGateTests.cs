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

    /// <summary>
    /// Left to SQLite, a write sent outside a transaction (a 随身听 tick) polled the lock while the queued
    /// transactions took it in turn: 200 such writes behind six busy writers waited 1.3 s at the median
    /// and 17 s at the most, and here, behind one open transaction, it failed with "database is locked".
    /// Queued at the gate it goes in its turn.
    /// </summary>
    [Fact]
    public async Task A_write_sent_outside_a_transaction_keeps_its_place_in_the_queue()
    {
        await using var app = new StartedApp("Production", StartedApp.SqliteSettings(_folder, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))).Start();
        await app.WithDbAsync(async db =>
        {
            db.SubDistricts.Add(new Doorstep.Features.Organizations.SubDistrict { Name = "嘉兴路街道", District = "虹口区", City = "上海市" });
            return await db.SaveChangesAsync();
        });

        await app.WithDbAsync(async holder =>
        {
            var held = await holder.Database.BeginTransactionAsync();
            var alone = app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE SubDistricts SET City = {"上海"}"));
            await Task.Delay(TimeSpan.FromSeconds(1));
            var next = app.WithDbAsync(async db =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                return await db.SubDistricts.Select(s => s.City).SingleAsync();
            });
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(alone.IsCompleted);

            await held.DisposeAsync();
            Assert.Equal("上海", await next); // the lone write went first, in its turn
            return await alone;
        });
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
