using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.TemporaryBranches;

/// <summary>A temporary branch as its pages show it; the count is of members the user may see.</summary>
public sealed record BranchSummary(int Id, string Name, string? Place, int? SecretaryMemberId, string? Secretary, int Members);

/// <summary>A member of, or a candidate for, a temporary branch: where the file is held and where they live.</summary>
public sealed record BranchMemberRow(int Id, string Name, Gender Gender, DateOnly BirthDate, string HomeBranch, string? ResidenceAddress);

public static class TemporaryBranchQueries
{
    /// <summary>
    /// The temporary branches the user may open: every one of the sub-district for the admin, their own
    /// for a secretary. Org units carry no query filter, so the scope is applied here.
    /// </summary>
    public static IQueryable<OrgUnit> Visible(DoorstepDb db)
    {
        var scope = db.CurrentUser.Scope;
        var branches = db.OrgUnits.AsNoTracking()
            .Where(u => u.Kind == OrgUnitKind.TemporaryBranch && u.SubDistrictId == scope.SubDistrictId);
        return scope.Kind switch
        {
            ScopeKind.SubDistrict => branches,
            ScopeKind.TemporaryBranch => branches.Where(u => u.Id == scope.OrgUnitId),
            ScopeKind.Nobody or ScopeKind.Everything or ScopeKind.ResidentialArea or ScopeKind.District or ScopeKind.Department or ScopeKind.MemberCard or ScopeKind.Volunteer
                => branches.Where(u => false),
        };
    }

    public static IQueryable<BranchSummary> Summaries(DoorstepDb db, IQueryable<OrgUnit> branches) =>
        branches.Select(u => new BranchSummary(
            u.Id, u.Name, u.Place, u.SecretaryMemberId,
            db.Members.Where(m => m.Id == u.SecretaryMemberId).Select(m => m.Name).FirstOrDefault(),
            db.Members.Count(m => m.TemporaryBranches.Any(t => t.OrgUnitId == u.Id))));

    public static IQueryable<BranchMemberRow> ToBranchRows(this IQueryable<Member> members) =>
        members.AsNoTracking().Select(m => new BranchMemberRow(m.Id, m.Name, m.Gender, m.BirthDate, m.OrgUnit.Name, m.ResidenceAddress));
}

/// <summary>Members offered for a branch, with what the checkbox list needs around them.</summary>
public sealed record CandidateList(IReadOnlyList<BranchMemberRow> Rows, int BranchId, DateOnly Today, string Legend);
