using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Data;

/// <summary>
/// Guards each shape of name search (a surname, two characters from inside a name, a whole name, a
/// name longer than a gram) on SQLite and on PostgreSQL, as QueryPlanTests does for the lists: the
/// count and the page's ids read one range of the name index alone (ADR 0021), in its order, and no
/// table is scanned. PostgreSQL is told to avoid sequential and bitmap scans and sorts: on a few
/// hundred demo rows it may rightly prefer them (a district user's page was once planned as a sort of
/// the few matches, depending on the statistics other tests had left), and the question here is
/// whether the index can serve, which a sort still shows when it cannot.
/// </summary>
[Collection(SharedApp.Name)]
public class NameSearchPlanTests(DoorstepApp app)
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    public static TheoryData<string> Shapes => ["吴", "德勤", "吴德勤", "欧阳德勤华"];

    private async Task<(List<string> Count, List<string> Page)> PlansAsync(ScopeKind kind, string q)
    {
        var subDistrictId = await app.WithDbAsync(db => db.SubDistricts.Where(s => s.Name == "嘉兴路街道").Select(s => s.Id).SingleAsync());
        using var acting = CurrentUserAccessor.ActAs(new CurrentUser("plan-test", "查询计划测试", new DataScope(kind, subDistrictId)));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
        var filter = new MemberFilter { Q = q };
        var grams = filter.NameGrams(db);
        Assert.NotNull(grams);
        var matches = filter.Matches(db, Today, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>());
        Assert.True(matches.FromNameIndex);

        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off");
        }

        return (await PlanAsync(db, grams.Select(g => g.MemberId)), await PlanAsync(db, matches.NameIndexPage(20)));
    }

    private static async Task<List<string>> PlanAsync(DoorstepDb db, IQueryable query)
    {
        await using var command = query.CreateDbCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = (db.Database.IsNpgsql() ? "EXPLAIN (COSTS OFF) " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(db.Database.IsNpgsql() ? 0 : 3));
        }

        return steps;
    }

    private bool Postgres => app.DatabaseProvider == "Postgres";

    /// <summary>Read from the name index alone (SQLite: a covering search on gram and sub-district; PostgreSQL: an index-only scan), no table scanned.</summary>
    private void AssertReadsTheNameIndexAlone(List<string> plan)
    {
        var shown = string.Join(" | ", plan);
        if (Postgres)
        {
            Assert.True(plan.Any(s => s.Contains("Index Only Scan using \"" + MemberNameGramConfiguration.ListOrder + "\"", StringComparison.Ordinal)), shown);
            Assert.DoesNotContain(plan, s => s.Contains("Seq Scan on \"Member", StringComparison.Ordinal));
        }
        else
        {
            Assert.True(plan.Any(s => s.Contains("USING COVERING INDEX " + MemberNameGramConfiguration.ListOrder + " (Gram=? AND SubDistrictId=?)", StringComparison.Ordinal)), shown);
            // A district user's list of sub-districts (s) is a few rows; the members and their grams (m) are not.
            Assert.DoesNotContain(plan, s => s.StartsWith("SCAN m", StringComparison.Ordinal) && !s.Contains("USING", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The page's 20 ids come in the index's order, unsorted: on PostgreSQL the Limit reads the index
    /// scan with no sort between; on SQLite the one sort is of the page's 20 rows.
    /// </summary>
    private void AssertIdsInIndexOrder(List<string> plan)
    {
        var shown = string.Join(" | ", plan);
        if (Postgres)
        {
            // Between the Limit and the index scan, a district user's semi join with their sub-districts keeps the index's order; no Sort.
            var limit = plan.FindIndex(s => s.TrimStart(' ', '-', '>').StartsWith("Limit", StringComparison.Ordinal));
            var scan = plan.FindIndex(Math.Max(limit, 0), s => s.Contains("Index Only Scan using \"" + MemberNameGramConfiguration.ListOrder + "\"", StringComparison.Ordinal));
            Assert.True(limit >= 0 && scan > limit && !plan[limit..scan].Any(s => s.Contains("Sort", StringComparison.Ordinal)), shown);
        }
        else
        {
            Assert.True(plan.Count(s => s.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal)) == 1, shown);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task The_admins_name_search_counts_and_pages_from_one_range_of_the_name_index_in_its_order(string q)
    {
        var (count, page) = await PlansAsync(ScopeKind.SubDistrict, q);

        AssertReadsTheNameIndexAlone(count);
        AssertReadsTheNameIndexAlone(page);
        AssertIdsInIndexOrder(page);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task The_district_users_name_search_seeks_the_name_index_in_each_sub_district_and_pages_in_its_order(string q)
    {
        var (count, page) = await PlansAsync(ScopeKind.District, q);

        AssertReadsTheNameIndexAlone(count);
        AssertReadsTheNameIndexAlone(page);
        AssertIdsInIndexOrder(page);
    }
}
