using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Data;

/// <summary>
/// Guards the hot queries' plans on SQLite: a search, a list or a timeline planned as a scan of every
/// member (or every audit row) would pass any functional test and then crawl at 1,000,000 members.
/// </summary>
public sealed class QueryPlanTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"doorstep-plan-{Guid.NewGuid():N}.db");
    private readonly PersonalDataProtector _protector = new(Convert.FromBase64String(Support.DoorstepApp.PersonalDataKey));

    private SqliteDoorstepDb Db(string role, params (string Type, int Value)[] scope)
    {
        var db = SignedInContext.Sqlite(_file, role, scope);
        db.Database.Migrate();
        return db;
    }

    private static List<string> Plan(IQueryable query)
    {
        using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        command.Connection!.Open();
        using var reader = command.ExecuteReader();
        var details = new List<string>();
        while (reader.Read())
        {
            details.Add(reader.GetString(3));
        }

        return details;
    }

    private static void AssertNoFullScan(IQueryable query, params string[] tables)
    {
        var plan = Plan(query);
        foreach (var table in tables)
        {
            // "SCAN m0" is the outer query walking the 20 rows of its own page, not a table.
            Assert.DoesNotContain(plan, step => (step == $"SCAN {table}" || step.StartsWith($"SCAN {table} ", StringComparison.Ordinal)) && !step.Contains("USING", StringComparison.Ordinal));
        }

        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal));
    }

    private static readonly DateOnly Today = new(2026, 11, 29);

    /// <summary>The page a filter reads: the list as it opens from the query OpeningList compiles, any other from the composed one.</summary>
    private IQueryable<MemberRow> ListPage(DoorstepDb db, MemberFilter filter) =>
        OpeningList.Answers(filter, db.CurrentUser.Scope)
            ? OpeningPage(db.MembersInScope, db.Members, 20)
            : filter.Page(db, filter.Apply(db, Today, _protector), 20);

    private static readonly Func<IQueryable<Member>, IQueryable<Member>, int, IQueryable<MemberRow>> OpeningPage = OpeningList.PageOf.Compile();

    /// <summary>What the page's count reads: the same conditions; SQLite plans COUNT(*) the same way.</summary>
    private IQueryable<int> Counted(DoorstepDb db, MemberFilter filter) => filter.Apply(db, Today, _protector).Select(m => m.Id);

    /// <summary>Read from an index alone; a count may take any index that covers it, so a prefix of its name will do.</summary>
    private static void AssertReadsOnly(IQueryable query, string index)
    {
        var plan = Plan(query);
        Assert.True(plan.Any(step => step.StartsWith("SEARCH m USING COVERING INDEX " + index, StringComparison.Ordinal)), string.Join(" | ", plan));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    private static void AssertInIndexOrder(IQueryable query, string index)
    {
        // The page's ids come from the index (m0); the one sort left is of those 20 rows (m).
        var plan = Plan(query);
        Assert.True(plan.Any(step => step.StartsWith("SEARCH m0 USING COVERING INDEX " + index + " ", StringComparison.Ordinal)), string.Join(" | ", plan));
        Assert.Single(plan, step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("wdq")]
    [InlineData("1234")]
    [InlineData("吴")]
    [InlineData(null)]
    public void The_admins_member_search_seeks_an_index(string? q)
    {
        using var db = Db(Roles.SubDistrictAdmin, (DataScope.Claims.SubDistrict, 1));

        AssertNoFullScan(ListPage(db, new MemberFilter { Q = q }), "m", "Members");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("吴")]
    [InlineData("德勤")]
    [InlineData("吴德勤")]
    [InlineData("wdq")]
    public void The_admins_list_and_name_searches_read_the_sub_districts_list_index_alone_in_its_order(string? q)
    {
        using var db = Db(Roles.SubDistrictAdmin, (DataScope.Claims.SubDistrict, 1));
        var filter = new MemberFilter { Q = q };

        AssertReadsOnly(Counted(db, filter), q is null ? "IX_Members_SubDistrict_" : MemberConfiguration.ListOrderInSubDistrict + " ");
        AssertInIndexOrder(ListPage(db, filter), MemberConfiguration.ListOrderInSubDistrict);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("德勤")]
    [InlineData("wdq")]
    public void An_area_cadres_list_and_name_searches_read_the_areas_list_index_alone_in_its_order(string? q)
    {
        using var db = Db(Roles.AreaCadre, (DataScope.Claims.SubDistrict, 1), (DataScope.Claims.ResidentialArea, 2));
        var filter = new MemberFilter { Q = q };

        AssertReadsOnly(Counted(db, filter), q is null ? "IX_Members_OrgUnitArea_" : MemberConfiguration.ListOrderInArea + " ");
        AssertInIndexOrder(ListPage(db, filter), MemberConfiguration.ListOrderInArea);
    }

    [Theory]
    [InlineData("wdq")]
    [InlineData(null)]
    public void An_area_cadres_member_list_seeks_an_index(string? q)
    {
        using var db = Db(Roles.AreaCadre, (DataScope.Claims.SubDistrict, 1), (DataScope.Claims.ResidentialArea, 2));

        AssertNoFullScan(ListPage(db, new MemberFilter { Q = q }), "m", "Members");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("郁")]
    [InlineData("wdq")]
    public void A_district_users_list_and_searches_seek_the_sub_district_index_for_each_sub_district_of_the_district(string? q)
    {
        using var db = Db(Roles.DistrictOrganizationDepartment, (DataScope.Claims.SubDistrict, 1));
        var filter = new MemberFilter { Q = q };

        AssertNoFullScan(ListPage(db, filter), "m", "m0", "Members");
        AssertNoFullScan(Counted(db, filter), "m", "Members");
        var plan = Plan(Counted(db, filter));
        Assert.True(plan.Any(step => step.StartsWith("SEARCH m USING COVERING INDEX IX_Members_SubDistrict_", StringComparison.Ordinal)), string.Join(" | ", plan));
    }

    [Fact]
    public void The_admins_oldest_members_with_a_care_need_are_counted_on_the_age_index_and_listed_in_its_order()
    {
        using var db = Db(Roles.SubDistrictAdmin, (DataScope.Claims.SubDistrict, 1));
        var filter = new MemberFilter { MinAge = 80, Need = CareNeeds.LowVision, Sort = MemberSort.AgeDescending };

        AssertReadsOnly(Counted(db, filter), MemberConfiguration.AgeInSubDistrict + " ");
        AssertInIndexOrder(ListPage(db, filter), MemberConfiguration.AgeInSubDistrict);
    }

    [Fact]
    public void An_area_cadres_oldest_members_with_a_care_need_are_counted_on_the_areas_age_index_and_listed_in_its_order()
    {
        using var db = Db(Roles.AreaCadre, (DataScope.Claims.SubDistrict, 1), (DataScope.Claims.ResidentialArea, 2));
        var filter = new MemberFilter { MinAge = 80, Need = CareNeeds.LowVision, Sort = MemberSort.AgeDescending };

        AssertReadsOnly(Counted(db, filter), MemberConfiguration.AgeInArea + " ");
        AssertInIndexOrder(ListPage(db, filter), MemberConfiguration.AgeInArea);
    }

    [Fact]
    public void The_admins_lives_elsewhere_counts_read_one_covering_index()
    {
        using var db = Db(Roles.SubDistrictAdmin, (DataScope.Claims.SubDistrict, 1));

        AssertReadsOnly(LivesElsewhereCounts.Pairs(db.MembersInScope), MemberConfiguration.LivesElsewhereInSubDistrict + " ");
    }

    [Fact]
    public void An_area_cadres_lives_elsewhere_counts_seek_the_areas_index()
    {
        using var db = Db(Roles.AreaCadre, (DataScope.Claims.SubDistrict, 1), (DataScope.Claims.ResidentialArea, 2));

        AssertNoFullScan(LivesElsewhereCounts.Pairs(db.MembersInScope), "m", "Members");
        AssertNoFullScan(db.ResidentsFromElsewhere, "m", "Members");
    }

    [Fact]
    public void A_member_files_timeline_seeks_the_audit_index()
    {
        using var db = Db(Roles.SubDistrictAdmin, (DataScope.Claims.SubDistrict, 1));

        var timeline = db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.EntityType == nameof(Member) && a.EntityId == "42")
            .OrderByDescending(a => a.OccurredAt).Take(50);

        AssertNoFullScan(timeline, "a", "AuditEntries");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
