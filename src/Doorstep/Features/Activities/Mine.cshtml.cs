using Doorstep.Data;
using Doorstep.Features.Activities.Volunteers;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>我的志愿服务: a volunteer's own sign-ups ahead, check-ins behind, and hours by month, on their phone.</summary>
[Authorize(Policy = ActivitiesFeature.OwnSchedule)]
public class MineModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(int ActivityId, string Title, DateOnly Date, string? Place, bool CheckedIn, int? Minutes);

    public string? Name { get; private set; }
    public IReadOnlyList<Row> Ahead { get; private set; } = [];
    public IReadOnlyList<Row> Behind { get; private set; } = [];
    public IReadOnlyList<(int Year, int Month, int Minutes)> ByMonth { get; private set; } = [];
    public int TotalMinutes { get; private set; }

    public async Task OnGetAsync()
    {
        // Both sets are filtered to the volunteer's own record and rows (ADR 0019).
        Name = await db.Set<Volunteer>().Select(v => v.Name).FirstOrDefaultAsync();
        var today = ChinaTime.Today(clock);
        var rows = await db.Set<Attendance>().AsNoTracking().OrderByDescending(a => a.Date).Take(200)
            .Select(a => new Row(a.ActivityId, a.Activity.Title, a.Date, a.Activity.Place, a.CheckedInAt != null, a.ServiceMinutes))
            .ToListAsync();
        Ahead = rows.Where(r => r.Date >= today && !r.CheckedIn).OrderBy(r => r.Date).ToList();
        Behind = rows.Where(r => r.CheckedIn).ToList();
        ByMonth = rows.Where(r => r.CheckedIn).GroupBy(r => (r.Date.Year, r.Date.Month))
            .Select(g => (g.Key.Year, g.Key.Month, g.Sum(r => r.Minutes ?? 0))).OrderByDescending(m => m.Year).ThenByDescending(m => m.Month).ToList();
        TotalMinutes = await db.Set<Attendance>().SumAsync(a => a.ServiceMinutes) ?? 0;
    }

    public static string Hours(int minutes) => (minutes / 60m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
