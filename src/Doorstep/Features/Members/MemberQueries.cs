using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>A line of the member list: only what the list shows, masked.</summary>
public sealed record MemberRow(
    int Id, string Name, Gender Gender, DateOnly BirthDate, DateOnly? FullMemberOn, string OrgUnit, string? RegisteredArea,
    string? ResidenceArea, bool LivesElsewhere, CareNeeds CareNeeds, MemberStatus Status, MemberCategory Category, string IdNumberTail);

public static class MemberQueries
{
    // LivesElsewhere repeats Member.LivesElsewhereRule inline: EF cannot invoke an expression inside a projection.
    public const int PageSize = 20;

    public static IQueryable<MemberRow> ToRows(this IQueryable<Member> members) =>
        members.AsNoTracking().Select(m => new MemberRow(
            m.Id, m.Name, m.Gender, m.BirthDate, m.FullMemberOn, m.OrgUnit.Name,
            m.RegisteredArea != null ? m.RegisteredArea.Name : null,
            m.ResidenceArea != null ? m.ResidenceArea.Name : null,
            m.RegisteredAreaId != null && (m.ResidenceAreaId != null ? m.ResidenceAreaId != m.RegisteredAreaId : m.ResidenceAddress != null),
            m.CareNeeds, m.Status, m.Category, m.IdNumberTail));

    /// <summary>A member file with what its page shows beside it (org unit, areas, temporary branches); null when out of scope or unknown.</summary>
    public static Task<Member?> FileAsync(DoorstepDb db, int id) =>
        db.Members.AsNoTracking()
            .Include(m => m.OrgUnit).Include(m => m.RegisteredArea).Include(m => m.ResidenceArea)
            .Include(m => m.TemporaryBranches).ThenInclude(t => t.OrgUnit)
            .FirstOrDefaultAsync(m => m.Id == id);
}
