using Doorstep.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Organizations;

[Authorize(Policy = OrganizationsFeature.ViewOrganizations)]
public class IndexModel(DoorstepDb db) : PageModel
{
    public sealed record UnitRow(int Id, string Name, OrgUnitKind Kind, string? Place, int Members);

    public string SubDistrictName { get; private set; } = "";
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        SubDistrictName = await db.SubDistricts.Where(s => s.Id == subDistrictId).Select(s => s.Name).FirstOrDefaultAsync() ?? "";

        // Counts come through the scoped Members set, so a cadre sees the units that hold their members.
        var holding = await db.Members.GroupBy(m => m.OrgUnitId)
            .Select(g => new { OrgUnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.OrgUnitId, x => x.Count);
        var temporary = await db.TemporaryBranchMemberships
            .Where(t => db.Members.Any(m => m.Id == t.MemberId))
            .GroupBy(t => t.OrgUnitId)
            .Select(g => new { OrgUnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.OrgUnitId, x => x.Count);

        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.SubDistrictId == subDistrictId)
            .OrderBy(u => u.Kind == OrgUnitKind.WorkingCommittee ? 0 : 1).ThenBy(u => u.ResidentialAreaId).ThenBy(u => u.Kind).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, u.Kind, u.Place })
            .ToListAsync();

        Units = units
            .Select(u => new UnitRow(u.Id, u.Name, u.Kind, u.Place,
                holding.GetValueOrDefault(u.Id) + temporary.GetValueOrDefault(u.Id)))
            .Where(u => u.Members > 0 || u.Kind == OrgUnitKind.WorkingCommittee || db.CurrentUser.Scope.Kind == Infrastructure.ScopeKind.SubDistrict)
            .ToList();
    }
}
