using System.Linq.Expressions;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Transfers;

/// <summary>A transfer in a list: what a card shows, never an ID number or a phone.</summary>
public sealed record TransferRow(
    int Id, TransferKind Kind, TransferStatus Status, string MemberName, Gender Gender, DateOnly BirthDate, MemberCategory Category,
    string From, string To, string? LetterNumber, DateTime AppliedAt, DateTime? ClosedAt);

public static class TransferQueries
{
    public const int PageSize = 20;

    public static IQueryable<TransferRow> ToRows(this IQueryable<Transfer> transfers) =>
        transfers.Select(t => new TransferRow(
            t.Id, t.Kind, t.Status, t.MemberName, t.Gender, t.BirthDate, t.Category,
            t.FromOrgUnit != null ? t.FromOrgUnit.Name : t.OtherParty ?? "",
            t.ToOrgUnit != null ? t.ToOrgUnit.Name : t.OtherParty ?? "",
            t.LetterNumber, t.AppliedAt, t.CompletedAt ?? t.ReturnedAt));

    public static IQueryable<Transfer> UnderWay(this IQueryable<Transfer> transfers) =>
        transfers.Where(t => Transfer.Pending.Contains(t.Status));

    public static IQueryable<Transfer> Closed(this IQueryable<Transfer> transfers) =>
        transfers.Where(t => t.Status == TransferStatus.Completed || t.Status == TransferStatus.Returned);

    /// <summary>待我处理: the transfers whose next step this actor owns, as <see cref="Transfer.OwnsNextStep"/> decides it.</summary>
    public static IQueryable<Transfer> AwaitingStepBy(this IQueryable<Transfer> transfers, TransferActor actor) =>
        transfers.Where(AwaitingStepOf(actor));

    /// <summary>
    /// The same rule as <see cref="Transfer.OwnsNextStep"/>, in a form the database can run (tests keep
    /// the two in agreement). The admin may act on every step, but their list holds the steps only
    /// they take: completing, and steps of a transfer that has no area at that end.
    /// </summary>
    public static Expression<Func<Transfer, bool>> AwaitingStepOf(TransferActor actor)
    {
        if (actor.IsAdmin)
        {
            var subDistrict = actor.SubDistrictId;
            return t => t.SubDistrictId == subDistrict && (
                t.Status == TransferStatus.AcceptedByDestination
                || (t.Status == TransferStatus.Applied && (t.Kind == TransferKind.Inbound ? t.ToAreaId : t.FromAreaId) == null)
                || (t.Status == TransferStatus.ApprovedByOrigin && (t.Kind == TransferKind.Outbound ? t.FromAreaId : t.ToAreaId) == null));
        }

        if (actor.AreaId is not { } area)
        {
            return t => false;
        }

        return t =>
            (t.Status == TransferStatus.Applied && (t.Kind == TransferKind.Inbound ? t.ToAreaId : t.FromAreaId) == area)
            || (t.Status == TransferStatus.ApprovedByOrigin && (t.Kind == TransferKind.Outbound ? t.FromAreaId : t.ToAreaId) == area)
            || (t.Status == TransferStatus.AcceptedByDestination && t.Kind != TransferKind.Outbound && t.ToAreaId == area);
    }

    /// <summary>
    /// The transfer under way for this person, if any: by file or by ID number, since an inbound
    /// transfer may have no file yet.
    /// </summary>
    public static Task<int?> PendingForAsync(DoorstepDb db, int? memberId, string idNumberHash) =>
        // Across every scope: a transfer under way anywhere blocks a new one. Only its id is read, and
        // a page links to it only when the user can see it.
        db.Transfers.IgnoreQueryFilters().UnderWay()
            .Where(t => (memberId != null && t.MemberId == memberId) || t.IdNumberHash == idNumberHash)
            .Select(t => (int?)t.Id).FirstOrDefaultAsync();

    /// <summary>The units of the sub-district that may hold a file, grouped by area, for choosing where a file goes.</summary>
    public static async Task<IReadOnlyList<UnitGroup>> HoldingUnitsAsync(DoorstepDb db, int? onlyAreaId = null)
    {
        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.SubDistrictId == subDistrictId && (u.Kind == OrgUnitKind.GeneralBranch || u.Kind == OrgUnitKind.Branch)
                        && (onlyAreaId == null || u.ResidentialAreaId == onlyAreaId))
            .OrderBy(u => u.ResidentialAreaId).ThenBy(u => u.Kind).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, Area = u.ResidentialArea!.Name })
            .ToListAsync();
        return units.GroupBy(u => u.Area)
            .Select(g => new UnitGroup(g.Key + "居民区", g.Select(u => new Choice(u.Id, u.Name)).ToList()))
            .ToList();
    }
}

public sealed record UnitGroup(string Area, IReadOnlyList<Choice> Units);
