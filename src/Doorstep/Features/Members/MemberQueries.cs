using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>A line of the member list: only what the list shows, masked.</summary>
public sealed record MemberRow(
    int Id, string Name, Gender Gender, DateOnly BirthDate, string OrgUnit, string? RegisteredArea,
    string? ResidenceArea, CareNeeds CareNeeds, MemberStatus Status, string IdNumberTail);

public static class MemberQueries
{
    public const int PageSize = 20;

    /// <summary>Members in the user's scope whose name starts with the text, by name: an index range, never a scan.</summary>
    public static IQueryable<Member> Search(this DoorstepDb db, string? text)
    {
        var query = db.Members.AsNoTracking();
        var q = text?.Trim();
        return string.IsNullOrEmpty(q) ? query : query.Where(m => m.Name.StartsWith(q));
    }

    public static IQueryable<MemberRow> ToRows(this IQueryable<Member> members) =>
        members.Select(m => new MemberRow(
            m.Id, m.Name, m.Gender, m.BirthDate, m.OrgUnit.Name,
            m.RegisteredArea != null ? m.RegisteredArea.Name : null,
            m.ResidenceArea != null ? m.ResidenceArea.Name : null,
            m.CareNeeds, m.Status, m.IdNumberTail));
}
