using BenchmarkDotNet.Attributes;
using Doorstep.Features.Activities;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>
/// Activities' two reading pages (issue 13): an area's month calendar as its cadre sees it (the
/// Index page's <see cref="ActivityCalendar.BetweenAsync"/>: p95 ≤ 50 ms) and a sub-district's
/// monthly figures as its admin sees them (the Figures page's <see cref="ActivityFigures.MonthAsync"/>:
/// p95 ≤ 100 ms), both over the five years the generator writes. The calendar turns through this
/// month and the eleven before it; the figures through the twelve full months before this one (their
/// rows are all there); the areas rotate.
/// </summary>
public class ActivitiesBenchmarks : SuiteBenchmarks
{
    private List<CurrentUser> _cadres = [];
    private List<DateOnly> _months = [];
    private int _calendarTurn;
    private int _figuresTurn;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await SetUpSubDistrictAsync();
        var areas = await Target.AsAsync(Admin, db => db.ResidentialAreas.Where(a => a.SubDistrictId == SubDistrictId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        _cadres = areas.Select(a => BenchTarget.AreaCadre(SubDistrictId, a)).ToList();
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        _months = Enumerable.Range(0, 13).Select(i => thisMonth.AddMonths(-i)).ToList();
    }

    [Benchmark, Report("activities.calendar", "居民区活动月历（本居民区干部）")]
    public Task<int> Calendar()
    {
        var cadre = Next(_cadres);
        var month = _months[_calendarTurn++ % 12];
        return Target.AsAsync(cadre, async db =>
            (await ActivityCalendar.BetweenAsync(db, cadre.Scope.ResidentialAreaId, month, month.AddMonths(1))).Count);
    }

    [Benchmark, Report("activities.figures", "街道活动月度统计（街道管理员）")]
    public Task<int> Figures()
    {
        var month = _months[1 + (_figuresTurn++ % 12)];
        return Target.AsAsync(Admin, async db =>
        {
            var figures = await ActivityFigures.MonthAsync(db, month);
            return figures.Areas.Count + figures.People.Count + figures.Handouts.Count;
        });
    }
}
