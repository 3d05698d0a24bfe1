using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>A month's figures in the user's scope: per area attendees, head-counts, handouts and volunteer hours; hours per person; xlsx.</summary>
[Authorize(Policy = ActivitiesFeature.PlanActivities)]
public class FiguresModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public sealed record AreaRow(string Area, int CheckedIn, int HeadCount, int Handouts, int VolunteerMinutes);

    public sealed record PersonRow(string Name, string Kind, int Times, int Minutes);

    public sealed record HandoutRow(string Kind, int Count);

    public DateOnly Month { get; private set; }
    public IReadOnlyList<AreaRow> Areas { get; private set; } = [];
    public IReadOnlyList<PersonRow> People { get; private set; } = [];
    public IReadOnlyList<HandoutRow> Handouts { get; private set; } = [];

    public async Task OnGetAsync(string? month) => await LoadAsync(month);

    public async Task<IActionResult> OnGetExportAsync(string? month)
    {
        await LoadAsync(month);
        var text = ActivityCalendar.MonthText(Month);
        var rows = Areas.Select(a => new Dictionary<string, object?>
        {
            ["月份"] = text,
            ["居民区"] = a.Area,
            ["签到人次"] = a.CheckedIn,
            ["现场人数"] = a.HeadCount,
            ["发放资料（份）"] = a.Handouts,
            ["志愿服务（小时）"] = a.VolunteerMinutes / 60m,
        }).ToAsyncEnumerable();
        return new SpreadsheetFile<Dictionary<string, object?>>($"活动统计-{text}.xlsx", $"activities-{text}.xlsx", "活动统计", rows);
    }

    /// <summary>Every figure is a GROUP BY over the month's rows in scope: counts, never stored totals.</summary>
    private async Task LoadAsync(string? month)
    {
        var today = ChinaTime.Today(clock);
        Month = ActivityCalendar.ParseMonth(month) ?? new DateOnly(today.Year, today.Month, 1);
        var from = Month;
        var to = Month.AddMonths(1);
        var attendance = await db.InScope<Attendance>().Where(a => a.Date >= from && a.Date < to && a.CheckedInAt != null)
            .GroupBy(a => a.AreaId).Select(g => new { Area = g.Key, Count = g.Count(), Minutes = g.Sum(a => a.ServiceMinutes) ?? 0 }).ToListAsync();
        var tallies = await db.InScope<ActivityTally>().Where(t => t.Date >= from && t.Date < to)
            .GroupBy(t => new { t.AreaId, t.Kind }).Select(g => new { g.Key.AreaId, g.Key.Kind, Count = g.Sum(t => t.Count) }).ToListAsync();
        var names = await db.ResidentialAreas.AsNoTracking().Where(a => a.SubDistrictId == db.CurrentUser.Scope.SubDistrictId).ToDictionaryAsync(a => a.Id, a => a.Name + "居民区");
        var areas = attendance.Select(a => a.Area).Concat(tallies.Select(t => t.AreaId)).Distinct().OrderBy(a => a ?? 0);
        Areas = areas.Select(area => new AreaRow(
                area is { } id ? names.GetValueOrDefault(id, "") : "街道主办",
                attendance.Where(a => a.Area == area).Sum(a => a.Count),
                tallies.Where(t => t.AreaId == area && t.Kind == TallyKind.HeadCount).Sum(t => t.Count),
                tallies.Where(t => t.AreaId == area && t.Kind == TallyKind.Handout).Sum(t => t.Count),
                attendance.Where(a => a.Area == area).Sum(a => a.Minutes)))
            .ToList();
        People = (await db.InScope<Attendance>().Where(a => a.Date >= from && a.Date < to && a.CheckedInAt != null)
                .GroupBy(a => new { a.PersonKey, a.Name, Volunteer = a.VolunteerId != null })
                .Select(g => new { g.Key.Name, g.Key.Volunteer, Times = g.Count(), Minutes = g.Sum(a => a.ServiceMinutes) ?? 0 })
                .OrderByDescending(p => p.Minutes).ThenByDescending(p => p.Times).Take(100).ToListAsync())
            .Select(p => new PersonRow(p.Name, p.Volunteer ? "志愿者" : "党员", p.Times, p.Minutes)).ToList();
        Handouts = await db.InScope<ActivityTally>().Where(t => t.Date >= from && t.Date < to && t.Kind == TallyKind.Handout)
            .GroupBy(t => t.Label).Select(g => new { Kind = g.Key, Count = g.Sum(t => t.Count) }).OrderByDescending(h => h.Count)
            .Select(h => new HandoutRow(h.Kind, h.Count)).ToListAsync();
    }
}
