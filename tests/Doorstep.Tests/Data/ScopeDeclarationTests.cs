using System.Text.RegularExpressions;
using Doorstep.Data;
using Doorstep.Features.Accounts;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Features.Transfers;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Doorstep.Tests.Data;

/// <summary>
/// The safety net of scope by declaration: an entity that carries a sub-district, area, org unit,
/// department or member key holds someone's data, so it must say how scopes reach it, or be named
/// below with the reason it needs no filter. A new entity that forgets fails here, before any page
/// can read it unscoped.
/// </summary>
public sealed partial class ScopeDeclarationTests
{
    /// <summary>Entities that carry a place key yet need no scope of their own, each with why.</summary>
    private static readonly Dictionary<Type, string> Unscoped = new()
    {
        // The organisation tree: names every user's pages show (option lists, a file's unit); no personal
        // data. Pages that list a part of it narrow it to the user's sub-district themselves.
        [typeof(ResidentialArea)] = "organisation tree",
        [typeof(OrgUnit)] = "organisation tree",
        [typeof(Department)] = "organisation tree",
        // Identity reads accounts at sign-in, before anyone has a scope; the accounts pages start from
        // AccountQueries.AccountsOfOwnSubDistrict, and only sub-district admins reach them.
        [typeof(UserAccount)] = "accounts",
        // A link between a member and a branch, read only through the scoped Members set (or joined to
        // it) and written by the admin's branch pages. A filter of its own would reach Member's filter,
        // which reaches the memberships again: EF refuses such a cycle.
        [typeof(TemporaryBranchMembership)] = "reached through Members",
    };

    [GeneratedRegex("^(SubDistrictId|DepartmentId)$|(AreaId|OrgUnitId|MemberId)$")]
    private static partial Regex PlaceKey();

    private static IModel Model()
    {
        var options = new DbContextOptionsBuilder<SqliteDoorstepDb>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteDoorstepDb(options, new CurrentUserAccessor(new HttpContextAccessor()), TimeProvider.System);
        return db.Model;
    }

    private static IEnumerable<IEntityType> CarryingPlaceKeys(IModel model) =>
        model.GetEntityTypes().Where(e => e.GetProperties().Any(p => PlaceKey().IsMatch(p.Name)));

    [Fact]
    public void Every_entity_carrying_an_area_sub_district_org_unit_department_or_member_key_declares_its_scope()
    {
        var undeclared = CarryingPlaceKeys(Model())
            .Where(e => ScopeDeclaration.Of(e.ClrType) is null && !Unscoped.ContainsKey(e.ClrType))
            .Select(e => $"{e.ClrType.Name} ({string.Join(", ", e.GetProperties().Select(p => p.Name).Where(n => PlaceKey().IsMatch(n)))})")
            .ToList();

        Assert.True(undeclared.Count == 0,
            "These entities carry a place key but declare no scope (implement IScoped<T>, or add them to Unscoped with the reason): "
            + string.Join("; ", undeclared));
    }

    [Fact]
    public void The_list_of_unscoped_entities_names_only_entities_of_the_model_that_carry_a_place_key_and_declare_nothing()
    {
        var carrying = CarryingPlaceKeys(Model()).Select(e => e.ClrType).ToHashSet();

        Assert.All(Unscoped.Keys, type =>
        {
            Assert.Contains(type, carrying);
            Assert.Null(ScopeDeclaration.Of(type));
        });
    }

    [Fact]
    public void Every_declared_entity_gets_its_query_filter_from_the_declaration_without_naming_it_in_DoorstepDb()
    {
        var model = Model();
        var declared = model.GetEntityTypes().Where(e => ScopeDeclaration.Of(e.ClrType) is not null).Select(e => e.ClrType).ToList();

        Assert.Equal(new[]
        {
            typeof(AuditEntry), typeof(Member), typeof(Transfer),
            typeof(Doorstep.Features.Inspections.ProblemSpot), typeof(Doorstep.Features.Inspections.InspectionCategory),
            typeof(Doorstep.Features.Inspections.ResponsibilityRule), typeof(Doorstep.Features.Inspections.InspectionPoint),
            typeof(Doorstep.Features.Inspections.InspectionRound), typeof(Doorstep.Features.Inspections.RoundWalk), typeof(Doorstep.Features.Inspections.AreaPlan),
        }.OrderBy(t => t.Name), declared.OrderBy(t => t.Name));
        Assert.All(declared, type => Assert.NotEmpty(model.FindEntityType(type)!.GetDeclaredQueryFilters()));
        Assert.DoesNotContain(model.GetEntityTypes(), e => ScopeDeclaration.Of(e.ClrType) is null && e.GetDeclaredQueryFilters().Count > 0);
    }

    [Fact]
    public void A_member_is_reached_by_the_kinds_its_declaration_names_and_by_the_district_through_its_sub_district()
    {
        Assert.Equal(
            [ScopeKind.SubDistrict, ScopeKind.ResidentialArea, ScopeKind.TemporaryBranch, ScopeKind.MemberCard, ScopeKind.District],
            Member.Scope.Kinds);
        Assert.Equal([ScopeKind.SubDistrict, ScopeKind.ResidentialArea, ScopeKind.District], Transfer.Scope.Kinds);
        Assert.Equal([ScopeKind.SubDistrict, ScopeKind.District], AuditEntry.Scope.Kinds);
    }
}
