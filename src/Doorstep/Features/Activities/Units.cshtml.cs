using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>
/// 出勤按单位: who came by party organisation (and volunteers by area), for a month in the user's
/// scope, or for one activity: one of its days, or all its days in the month.
/// </summary>
[Authorize(Policy = ActivitiesFeature.PlanActivities)]
public class UnitsModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public DateOnly Month { get; private set; }
    public Activity? Activity { get; private set; }
    public DateOnly? Date { get; private set; }
    public IReadOnlyList<ActivityFigures.UnitRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? month, int? activity, DateOnly? date)
    {
        var today = ChinaTime.Today(clock);
        Month = date is { } day ? new DateOnly(day.Year, day.Month, 1) : ActivityCalendar.ParseMonth(month) ?? new DateOnly(today.Year, today.Month, 1);
        if (activity is { } id)
        {
            // In scope: another area's activity is not found.
            Activity = await db.Set<Activity>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
            if (Activity is null)
            {
                return NotFound();
            }
        }

        Date = date;
        var (from, to) = date is { } d ? (d, d.AddDays(1)) : (Month, Month.AddMonths(1));
        Rows = await ActivityFigures.ByUnitAsync(db, from, to, Activity?.Id);
        return Page();
    }
}
