using Doorstep.Data;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

public sealed record Choice(int Id, string Name);

/// <summary>What the member form needs besides the input: the choices and the messages per field.</summary>
public sealed record MemberFormOptions(
    MemberInput Input, ModelStateDictionary State, IReadOnlyList<Choice> Areas, IReadOnlyList<Choice>? OrgUnits,
    string? IdNumberTail, string? PhoneTail)
{
    public string? Error(string field) =>
        State.TryGetValue("Input." + field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

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
