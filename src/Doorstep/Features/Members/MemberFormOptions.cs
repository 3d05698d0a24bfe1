using Doorstep.Data;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

public sealed record Choice(int Id, string Name);

/// <summary>What the member form needs besides the input: the choices, and the tails of the protected values on file.</summary>
public sealed record MemberFormOptions(
    MemberInput Input, IReadOnlyList<Choice> Areas, IReadOnlyList<Choice>? OrgUnits,
    string? IdNumberTail, string? PhoneTail)
{
    /// <summary>A list's choices as a select offers them; a fresh list each time, as the select marks its choice on them.</summary>
    public static List<SelectListItem> Items(IEnumerable<Choice> choices) =>
        choices.Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public static List<SelectListItem> Genders() => Enum.GetValues<Gender>().Select(g => new SelectListItem(Member.Label(g), g.ToString())).ToList();

    public static List<SelectListItem> Categories() => Enum.GetValues<MemberCategory>().Select(c => new SelectListItem(Member.Label(c), c.ToString())).ToList();

    public static List<SelectListItem> Statuses() => Enum.GetValues<MemberStatus>().Select(s => new SelectListItem(Member.Label(s), s.ToString())).ToList();

    public static Task<List<Choice>> AreasAsync(DoorstepDb db) =>
        db.ResidentialAreas.AsNoTracking()
            .Where(a => a.SubDistrictId == db.CurrentUser.Scope.SubDistrictId)
            .OrderBy(a => a.Id).Select(a => new Choice(a.Id, a.Name + "居民区")).ToListAsync();

    /// <summary>The org units that may hold a file the current user creates: their area's, or the whole sub-district's.</summary>
    public static Task<List<Choice>> HoldingUnitsAsync(DoorstepDb db)
    {
        var scope = db.CurrentUser.Scope;
        var units = db.OrgUnits.AsNoTracking()
            .Where(u => u.SubDistrictId == scope.SubDistrictId && (u.Kind == OrgUnitKind.GeneralBranch || u.Kind == OrgUnitKind.Branch));
        if (scope.Kind == ScopeKind.ResidentialArea)
        {
            units = units.Where(u => u.ResidentialAreaId == scope.ResidentialAreaId);
        }

        return units.OrderBy(u => u.ResidentialAreaId).ThenBy(u => u.Id).Select(u => new Choice(u.Id, u.Name)).ToListAsync();
    }
}
