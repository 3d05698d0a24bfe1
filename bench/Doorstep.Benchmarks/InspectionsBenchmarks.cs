using BenchmarkDotNet.Attributes;
using Doorstep.Features.Inspections;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>
/// 创文's read paths (issue 14, at 1,000,000 problem spots over five years): a department handler's
/// open list (p95 ≤ 20 ms), the sub-district's figures by area, category and department (≤ 100 ms)
/// and the Open311 request list (≤ 50 ms), each by the method its page or endpoint calls. Rotates
/// through the first sub-district's departments; works on the demo data as on the scale data.
/// </summary>
public class InspectionsBenchmarks : SuiteBenchmarks
{
    private List<CurrentUser> _handlers = [];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await SetUpSubDistrictAsync();
        // The departments with work open, as their handlers see them.
        var departments = await Target.AsAsync(Admin, db => db.Set<ProblemSpot>()
            .Where(s => s.SubDistrictId == SubDistrictId && ProblemSpot.Open.Contains(s.Status) && s.DepartmentId != null)
            .Select(s => s.DepartmentId!.Value).Distinct().OrderBy(d => d).ToListAsync());
        _handlers = departments
            .Select(d => new CurrentUser($"bench-handler-{d}", "基准测试·部门经办人", new DataScope(ScopeKind.Department, SubDistrictId, DepartmentId: d)))
            .ToList();
    }

    [Benchmark, Report("inspections.handler-open", "部门经办人的待整改列表（各栏计数和第一页）")]
    public Task<int> HandlerOpen() =>
        Target.AsAsync(Next(_handlers), async db =>
        {
            var read = await SpotLists.ReadAsync(db, SpotList.Open, DateTime.UtcNow, 1);
            return read.Rows.Count + read.Counts.Values.Sum();
        });

    [Benchmark, Report("inspections.figures", "街道创文统计（近 90 天，按居民区、类别、部门，含反复出现的问题点）")]
    public Task<int> Figures() =>
        Target.AsAsync(Admin, async db =>
        {
            var figures = new SpotFigures(db);
            var now = DateTime.UtcNow;
            var counts = await figures.CountAsync(now, now.AddDays(-FiguresModel.Days));
            var hot = await figures.HotSpotsAsync(now.AddDays(-FiguresModel.Days));
            return counts.ByArea.Count + counts.ByCategory.Count + counts.ByDepartment.Count + hot.Count;
        });

    [Benchmark, Report("inspections.open311", "Open311 问题列表（requests.json，最近 90 天最新 200 条）")]
    public Task<int> Open311() =>
        Target.AsAsync(Admin, async db =>
            (await Open311Api.RequestListAsync(db, new Open311Api.RequestQuery([], [], null, null, ""), DateTime.UtcNow)).Count);
}
