using Doorstep.Data;
using Doorstep.Features.Inspections;
using Doorstep.Features.Listening;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Data;

/// <summary>
/// The SQL the query filters write for each kind of user (ADR 0031): only their own kind's terms, so
/// that a database parses and plans a short statement, not an OR over every kind of scope.
/// </summary>
public sealed class ScopeFilterSqlTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"doorstep-sql-{Guid.NewGuid():N}.db");

    private SqliteDoorstepDb Db(string role, params (string Type, int Value)[] scope) => SignedInContext.Sqlite(_file, role, scope);

    private static string Where(IQueryable query) => query.ToQueryString().Split("WHERE", 2)[1];

    [Fact]
    public void An_area_cadres_queries_carry_the_areas_term_alone()
    {
        using var db = Db(Roles.AreaCadre, (DataScope.Claims.SubDistrict, 1), (DataScope.Claims.ResidentialArea, 2));

        var members = Where(db.Members.Where(m => m.Id == 5));
        var spots = Where(db.Set<ProblemSpot>().Where(s => s.Id == 5));

        Assert.Contains("\"m\".\"OrgUnitAreaId\" = @", members, StringComparison.Ordinal);
        Assert.Contains("\"p\".\"AreaId\" = @", spots, StringComparison.Ordinal);
        foreach (var other in new[] { "SubDistrictId", "SubDistricts", "TemporaryBranchMemberships", "DepartmentId", "ReporterVolunteerId", "\"m\".\"Id\" = @" })
        {
            Assert.DoesNotContain(other, members + spots, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_sub_district_admins_queries_compare_the_sub_district_and_nothing_else()
    {
        using var db = Db(Roles.SubDistrictAdmin, (DataScope.Claims.SubDistrict, 1));

        var progress = Where(db.Set<ListeningProgress>().Where(p => p.Id == 5));

        Assert.Contains("\"l\".\"SubDistrictId\" = @", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("OrgUnitAreaId", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("EXISTS", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("MemberId\" = @", progress, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_holders_save_reads_their_own_members_rows_by_key()
    {
        using var db = Db(Roles.CardHolder, (DataScope.Claims.SubDistrict, 1), (DataScope.Claims.Member, 9));

        var progress = Where(db.Set<ListeningProgress>().Where(p => p.ChapterId == 5));

        Assert.Contains("\"l\".\"MemberId\" = @", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("SubDistrictId", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("EXISTS", progress, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_who_reaches_no_record_of_an_entity_gets_a_filter_that_is_false()
    {
        using var db = Db(Roles.DepartmentHandler, (DataScope.Claims.SubDistrict, 1), (DataScope.Claims.Department, 3));

        var members = Where(db.Members);

        Assert.Matches("""^ "m"."PendingImportId" IS NULL AND @ef_filter__FilterEverything\w*\s*$""", members);
    }

    public void Dispose() => File.Delete(_file);
}
