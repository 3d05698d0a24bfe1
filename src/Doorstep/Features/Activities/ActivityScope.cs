using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>The areas a planner works for: every area of the admin's sub-district, or the cadre's own.</summary>
public static class ActivityScope
{
    public static async Task<List<SelectListItem>> AreasAsync(DoorstepDb db, int? selected = null)
    {
        var scope = db.CurrentUser.Scope;
        var areas = db.ResidentialAreas.AsNoTracking().Where(a => a.SubDistrictId == scope.SubDistrictId);
        if (scope.Kind == ScopeKind.ResidentialArea)
        {
            areas = areas.Where(a => a.Id == scope.ResidentialAreaId);
        }

        return await areas.OrderBy(a => a.Id)
            .Select(a => new SelectListItem(a.Name + "居民区", a.Id.ToString(), a.Id == selected))
            .ToListAsync();
    }

    /// <summary>The cadre's own area; null for the admin, who may choose.</summary>
    public static int? OwnArea(DoorstepDb db) =>
        db.CurrentUser.Scope.Kind == ScopeKind.ResidentialArea ? db.CurrentUser.Scope.ResidentialAreaId : null;

    public static bool IsAdmin(DoorstepDb db) => db.CurrentUser.Scope.Kind == ScopeKind.SubDistrict;
}
