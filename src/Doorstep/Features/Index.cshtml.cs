using System.Security.Claims;
using Doorstep.Data;
using Doorstep.Features.Accounts;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features;

/// <summary>The start page: who you are, what you look after, and the figures of your scope.</summary>
public class IndexModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public sealed record ScopeFigures(int Members, int Over75, int NeedCare, int LivesElsewhere);

    public string DisplayName { get; private set; } = "";
    public string RoleLabel { get; private set; } = "";
    public string ScopeLabel { get; private set; } = "";
    public ScopeFigures? Figures { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = db.CurrentUser.Scope;
        DisplayName = User.FindFirstValue(ScopeClaimsFactory.DisplayNameClaim) ?? User.Identity?.Name ?? "";
        RoleLabel = string.Join("、", Roles.All.Where(User.IsInRole).Select(Roles.Label));
        ScopeLabel = scope.Kind switch
        {
            ScopeKind.SubDistrict or ScopeKind.Everything =>
                await db.SubDistricts.Where(s => s.Id == scope.SubDistrictId).Select(s => s.Name).FirstOrDefaultAsync() ?? "全街道",
            ScopeKind.ResidentialArea =>
                await db.ResidentialAreas.Where(a => a.Id == scope.ResidentialAreaId).Select(a => a.Name + "居民区").FirstOrDefaultAsync() ?? "",
            ScopeKind.TemporaryBranch =>
                await db.OrgUnits.Where(o => o.Id == scope.OrgUnitId).Select(o => o.Name).FirstOrDefaultAsync() ?? "",
            ScopeKind.District =>
                await db.SubDistricts.Where(s => s.Id == scope.SubDistrictId).Select(s => s.District + "各街道（只读）").FirstOrDefaultAsync() ?? "",
            ScopeKind.Department =>
                await db.Departments.Where(d => d.Id == scope.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync() ?? "",
            ScopeKind.Nobody or ScopeKind.MemberCard => "",
        };

        if (scope.Kind is ScopeKind.Nobody or ScopeKind.Department or ScopeKind.MemberCard)
        {
            return;
        }

        var bornBefore = ChinaTime.Today(clock).AddYears(-75);
        var active = db.MembersInScope.Where(m => m.Status != MemberStatus.Deceased && m.Status != MemberStatus.TransferredOut);
        Figures = new ScopeFigures(
            await active.CountAsync(),
            await active.CountAsync(m => m.BirthDate <= bornBefore),
            await active.CountAsync(m => (m.CareNeeds & (CareNeeds.LowVision | CareNeeds.LimitedMobility)) != 0),
            await active.CountAsync(Member.LivesElsewhereRule));
    }
}
