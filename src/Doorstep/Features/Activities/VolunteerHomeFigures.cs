using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>On a volunteer's home page: the activities they have signed up for ahead, and their hours so far (their own rows, ADR 0019).</summary>
public sealed class VolunteerHomeFigures(DoorstepDb db, TimeProvider clock) : IHomeFigures
{
    public string Policy => ActivitiesFeature.OwnSchedule;
    public int Order => 46;

    public async Task<IReadOnlyList<HomeFigure>> CountAsync()
    {
        var today = ChinaTime.Today(clock);
        var own = db.InScope<Attendance>();
        var minutes = await own.Where(a => a.CheckedInAt != null).SumAsync(a => a.ServiceMinutes) ?? 0;
        return
        [
            new(await own.CountAsync(a => a.Date >= today && a.CheckedInAt == null), "场活动已报名", "/Activities/Mine"),
            new(minutes / 60, "小时累计志愿服务", "/Activities/Mine"),
        ];
    }
}
