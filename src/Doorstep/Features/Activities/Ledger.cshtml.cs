using Doorstep.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>活动台账: one day of an activity on paper, for the file: what, when, where, who came, what was counted, its photos.</summary>
[Authorize(Policy = ActivitiesFeature.PlanActivities)]
public class LedgerModel(DoorstepDb db) : PageModel
{
    public Activity Activity { get; private set; } = null!;
    public Occurrence Occurrence { get; private set; } = null!;
    public IReadOnlyList<Attendance> Rows { get; private set; } = [];
    public IReadOnlyList<ActivityTally> Tallies { get; private set; } = [];
    public IReadOnlyList<ActivityPhoto> Photos { get; private set; } = [];
    public string? Organiser { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, DateOnly date)
    {
        if (await db.Set<Activity>().AsNoTracking().Include(a => a.Changes).FirstOrDefaultAsync(a => a.Id == id) is not { } activity
            || Recurrence.On(activity, date) is not { } occurrence)
        {
            return NotFound();
        }

        Activity = activity;
        Occurrence = occurrence;
        Organiser = await db.OrgUnits.Where(u => u.Id == activity.OrganiserOrgUnitId).Select(u => u.Name)
            .Concat(db.Departments.Where(d => d.Id == activity.OrganiserDepartmentId).Select(d => d.Name)).FirstOrDefaultAsync();
        Rows = await db.Set<Attendance>().AsNoTracking().Where(a => a.ActivityId == id && a.Date == date && a.CheckedInAt != null).OrderBy(a => a.CheckedInAt).ToListAsync();
        Tallies = await db.Set<ActivityTally>().AsNoTracking().Where(t => t.ActivityId == id && t.Date == date).OrderBy(t => t.Kind).ToListAsync();
        Photos = await db.Set<ActivityPhoto>().AsNoTracking().Where(p => p.ActivityId == id && p.Date == date).OrderBy(p => p.Id).ToListAsync();
        return Page();
    }
}
