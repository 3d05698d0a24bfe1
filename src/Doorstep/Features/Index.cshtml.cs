using System.Security.Claims;
using Doorstep.Data;
using Doorstep.Features.Accounts;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features;

/// <summary>The start page: who you are, what you look after, and the figures every feature offers you.</summary>
public class IndexModel(DoorstepDb db, IEnumerable<IHomeFigures> sources, IAuthorizationService authorization) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string RoleLabel { get; private set; } = "";
    public string ScopeLabel { get; private set; } = "";
    public IReadOnlyList<HomeFigure> Figures { get; private set; } = [];

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
            ScopeKind.Nobody or ScopeKind.MemberCard or ScopeKind.Volunteer => "",
        };

        var figures = new List<HomeFigure>();
        foreach (var source in sources.OrderBy(s => s.Order))
        {
            if ((await authorization.AuthorizeAsync(User, source.Policy)).Succeeded)
            {
                figures.AddRange(await source.CountAsync());
            }
        }

        Figures = figures;
    }
}
