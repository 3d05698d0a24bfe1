using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Listening;

/// <summary>
/// 收听汇总: one small row per member who has listened, kept by every save in the same transaction as
/// the progress row, so that the area report and the home page read one row per member rather than
/// the member's progress rows (ADR 0028).
/// </summary>
public class ListeningSummary : IScoped<ListeningSummary>, IDerived
{
    public static ScopeDeclaration<ListeningSummary> Scope { get; } = new ScopeDeclaration<ListeningSummary>()
        .Read(ScopeKind.SubDistrict, s => s.SubDistrictId)
        .Read(ScopeKind.ResidentialArea, (s, area) => s.Member.OrgUnitAreaId == area)
        .ReadWrite(ScopeKind.MemberCard, s => s.MemberId);

    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public int SubDistrictId { get; set; }

    /// <summary>The month (yyyyMM, China time) of the last save, and the seconds heard in it over every chapter.</summary>
    public int Month { get; set; }

    public int MonthListenedSeconds { get; set; }

    /// <summary>Chapters heard to the end at least once.</summary>
    public int ChaptersCompleted { get; set; }

    /// <summary>Adds a progress row written whole (the demo, the generator), as its saves would have.</summary>
    public void Count(ListeningProgress row)
    {
        if (row.Month > Month)
        {
            Month = row.Month;
            MonthListenedSeconds = 0;
        }

        if (row.Month == Month)
        {
            MonthListenedSeconds += row.MonthListenedSeconds;
        }

        if (row.CompletedAt is not null)
        {
            ChaptersCompleted++;
        }
    }
}
