using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities.Volunteers;

/// <summary>志愿者名册: the roster in scope, a page at a time, phones masked, with each volunteer's hours so far.</summary>
[Authorize(Policy = ActivitiesFeature.PlanActivities)]
public class IndexModel(DoorstepDb db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Name, string Area, string PhoneMasked, string? Skills, bool Member, int Minutes, bool HasAccount);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var roster = db.InScope<Volunteer>().AsNoTracking().Where(v => v.Active);
        Pager = new Pager(page, PageSize, await roster.CountAsync(), p => PageLinks.WithPage(Url.Page("/Activities/Volunteers/Index")!, p));
        var volunteers = await roster.OrderBy(v => v.AreaId).ThenBy(v => v.Name).ThenBy(v => v.Id).Skip(Pager.Skip).Take(Pager.PageSize).ToListAsync();
        // Hours of this page's volunteers only: one seek per volunteer on (VolunteerId, Date), not the sub-district's every row.
        var ids = volunteers.Select(v => v.Id).ToList();
        var minutes = await db.InScope<Attendance>().Where(a => a.VolunteerId != null && ids.Contains(a.VolunteerId.Value))
            .GroupBy(a => a.VolunteerId).Select(g => new { Id = g.Key!.Value, Minutes = g.Sum(a => a.ServiceMinutes) ?? 0 })
            .ToDictionaryAsync(g => g.Id, g => g.Minutes);
        var areas = await db.ResidentialAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        Rows = volunteers
            .Select(v => new Row(v.Id, v.Name, areas.GetValueOrDefault(v.AreaId, ""), v.PhoneMasked, v.Skills, v.MemberId is not null, minutes.GetValueOrDefault(v.Id), v.AccountId is not null))
            .ToList();
    }
}
