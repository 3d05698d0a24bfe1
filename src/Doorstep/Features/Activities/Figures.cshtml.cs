using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorstep.Features.Activities;

/// <summary>A month's figures in the user's scope: per area attendees, head-counts, handouts and volunteer hours; hours per person; xlsx.</summary>
[Authorize(Policy = ActivitiesFeature.PlanActivities)]
public class FiguresModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public DateOnly Month { get; private set; }
    public IReadOnlyList<ActivityFigures.AreaRow> Areas { get; private set; } = [];
    public IReadOnlyList<ActivityFigures.PersonRow> People { get; private set; } = [];
    public IReadOnlyList<ActivityFigures.HandoutRow> Handouts { get; private set; } = [];

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

    private async Task LoadAsync(string? month)
    {
        var today = ChinaTime.Today(clock);
        Month = ActivityCalendar.ParseMonth(month) ?? new DateOnly(today.Year, today.Month, 1);
        (Areas, People, Handouts) = await ActivityFigures.MonthAsync(db, Month);
    }
}
