using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>On the home page: this month's check-ins and volunteer hours in the user's scope.</summary>
public sealed class ActivityHomeFigures(DoorstepDb db, TimeProvider clock) : IHomeFigures
{
    public string Policy => ActivitiesFeature.PlanActivities;
    public int Order => 45;

    public async Task<IReadOnlyList<HomeFigure>> CountAsync()
    {
        var today = ChinaTime.Today(clock);
        var from = new DateOnly(today.Year, today.Month, 1);
        var rows = db.InScope<Attendance>().Where(a => a.Date >= from && a.Date < from.AddMonths(1) && a.CheckedInAt != null);
        var minutes = await rows.SumAsync(a => a.ServiceMinutes) ?? 0;
        var month = from.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            new(await rows.CountAsync(), "人次本月参加活动（已签到）", "/Activities/Figures", new { month }),
            new(minutes / 60, "小时本月志愿服务", "/Activities/Figures", new { month }),
        ];
    }
}
