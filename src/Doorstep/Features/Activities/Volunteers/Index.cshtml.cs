using Doorstep.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities.Volunteers;

/// <summary>志愿者名册: the roster in scope, phones masked, with each volunteer's hours so far.</summary>
[Authorize(Policy = ActivitiesFeature.PlanActivities)]
public class IndexModel(DoorstepDb db) : PageModel
{
    public sealed record Row(int Id, string Name, string Area, string PhoneMasked, string? Skills, bool Member, int Minutes, bool HasAccount);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var minutes = await db.InScope<Attendance>().Where(a => a.VolunteerId != null)
            .GroupBy(a => a.VolunteerId).Select(g => new { Id = g.Key!.Value, Minutes = g.Sum(a => a.ServiceMinutes) ?? 0 })
            .ToDictionaryAsync(g => g.Id, g => g.Minutes);
        var areas = await db.ResidentialAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        Rows = (await db.InScope<Volunteer>().AsNoTracking().Where(v => v.Active).OrderBy(v => v.AreaId).ThenBy(v => v.Name).Take(500).ToListAsync())
            .Select(v => new Row(v.Id, v.Name, areas.GetValueOrDefault(v.AreaId, ""), v.PhoneMasked, v.Skills, v.MemberId is not null, minutes.GetValueOrDefault(v.Id), v.AccountId is not null))
            .ToList();
    }
}
