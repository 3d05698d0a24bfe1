using System.Data.Common;
using Doorstep.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Doorstep.Tests.Features.Members;

/// <summary>
/// A save that finds the database busy (an import's batch holding SQLite's one writer, a row lock on
/// PostgreSQL) keeps what the user typed and asks them to save again; it is never a 500.
/// </summary>
public sealed class BusyDatabaseTests
{
    [Fact]
    public async Task Editing_a_member_while_the_database_is_held_keeps_the_input_and_says_to_save_again()
    {
        // Waits of one second instead of thirty, so the test need not sit out the real timeout.
        var database = AppHost.NewDatabase();
        database["Database:ConnectionString"] += TestDatabase.IsPostgres ? ";Options=-c lock_timeout=1000" : ";Default Timeout=1";
        try
        {
            await using var node = new AppHost(database);
            var cadre = await node.SignedInAsync("zhangqiao");
            var id = await node.WithDbAsync(db => db.Members.Where(m => m.OrgUnit.ResidentialArea!.Name == "张桥").OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
            var form = Forms.FieldsOf(await cadre.GetPageAsync($"/Members/Edit/{id}")).With("Input.ResidenceAddress", "虹口区忙碌路8号");

            HttpResponseMessage response;
            await using (var holder = await HoldAsync(database["Database:ConnectionString"]!, id))
            {
                response = await cadre.PostFormAsync($"/Members/Edit/{id}", form);
            }

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadHtmlAsync();
            Assert.Contains("数据库正忙，请稍后再保存", page.QuerySelector("main")!.TextContent);
            Assert.Equal("虹口区忙碌路8号", Forms.FieldsOf(page).Single(f => f.Key == "Input.ResidenceAddress").Value);
            Assert.NotEqual("虹口区忙碌路8号", await node.WithDbAsync(db => db.Members.Where(m => m.Id == id).Select(m => m.ResidenceAddress).SingleAsync()));

            // Once the database is free, saving the same form again works.
            var saved = await cadre.PostFormAsync($"/Members/Edit/{id}", Forms.FieldsOf(page));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal("虹口区忙碌路8号", await node.WithDbAsync(db => db.Members.Where(m => m.Id == id).Select(m => m.ResidenceAddress).SingleAsync()));
        }
        finally
        {
            await AppHost.DropDatabaseAsync(database);
        }
    }

    private sealed class Hold(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>Holds what an import's batch would: SQLite's write lock (BEGIN IMMEDIATE), or on PostgreSQL the member's row.</summary>
    private static async Task<Hold> HoldAsync(string connectionString, int memberId)
    {
        DbConnection connection = TestDatabase.IsPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = TestDatabase.IsPostgres
            ? $"SELECT 1 FROM \"Members\" WHERE \"Id\" = {memberId} FOR UPDATE"
            : "UPDATE \"BackgroundJobs\" SET \"Percent\" = \"Percent\" WHERE 0";
        await command.ExecuteNonQueryAsync();
        return new Hold(connection, transaction);
    }
}
